namespace Jar.SampleHost.Commands;

/// <summary>
/// Splits the command line into a command (leading words: <c>demo-request fapi2-client</c>) and the host's own
/// arguments (<c>--urls …</c>, <c>Key=Value</c>), which go to configuration as usual.
/// </summary>
internal static class SampleCommandLine
{
    public static (string[] HostArguments, string[]? Command) Split(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal)).ToArray();
        return words.Length == 0 ? (args, null) : (args[words.Length..], words);
    }
}
