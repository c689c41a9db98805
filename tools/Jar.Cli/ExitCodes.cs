namespace Jar.Cli;

/// <summary>What <c>jar</c> exits with (documented in README.md and <c>jar --help</c>).</summary>
internal static class ExitCodes
{
    /// <summary>Done: signed, pushed, printed; for inspect, the object breaks no rule.</summary>
    public const int Success = 0;

    /// <summary>The server refused the push, or inspect found rules the object breaks.</summary>
    public const int Refused = 1;

    /// <summary>The command line is wrong (unknown option, missing value): usage is printed.</summary>
    public const int Usage = 2;

    /// <summary>A key, policy or object file cannot be read, or the server cannot be reached or answers no OAuth.</summary>
    public const int Failure = 3;

    /// <summary>The text of <c>jar --help</c> about them.</summary>
    public const string Help = "Exit codes: 0 done (inspect: no rule broken); 1 refused by the server, or rules broken (inspect); 2 usage error; 3 unreadable file, unreachable or non-OAuth server.";
}
