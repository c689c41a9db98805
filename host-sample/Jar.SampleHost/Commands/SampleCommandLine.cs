namespace Jar.SampleHost.Commands;

/// <summary>
/// Splits the command line into a command (leading words: <c>demo-request fapi2-client</c>, <c>policy set
/// strict-client '{"RequireJwtId":true}'</c>) and the host's own arguments (<c>--urls …</c>, <c>Key=Value</c>), which
/// go to configuration as usual. The options after the words belong to both: a command reads its own
/// (<c>policy set … --RequireJwtId true</c>) and passes over the host's.
/// </summary>
internal static class SampleCommandLine
{
    public static (string[] HostArguments, string[]? Command) Split(string[] args)
    {
        var words = args.TakeWhile(a => !IsOption(a)).Count();
        return words == 0 ? (args, null) : (args[words..], args);
    }

    /// <summary>An option (<c>--urls</c>, <c>-x</c>) or a configuration assignment (<c>Key=Value</c>), not a word; a JSON object is a word.</summary>
    public static bool IsOption(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return argument.StartsWith('-') || !argument.TrimStart().StartsWith('{') && argument.Contains('=', StringComparison.Ordinal);
    }
}
