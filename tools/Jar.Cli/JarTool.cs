namespace Jar.Cli;

/// <summary>The entry point of <c>jar</c>: sign, push, inspect, jwks (exit codes in <see cref="ExitCodes"/>).</summary>
internal static class JarTool
{
    public static async Task<int> Main(string[] args)
    {
        using var http = new HttpClient();
        return await JarCommandLine.RunAsync(args, http, Console.Out, Console.Error).ConfigureAwait(false);
    }
}
