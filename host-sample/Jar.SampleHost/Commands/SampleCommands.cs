namespace Jar.SampleHost.Commands;

/// <summary>The commands the host runs instead of serving: each uses the host's own configuration and services.</summary>
internal static class SampleCommands
{
    private const string Usage = """
        Usage: dotnet run --project host-sample/Jar.SampleHost -- <command> [--urls <url>] [Key=Value ...]

          (no command)                      run the authorization server
          demo-request <client> [delivery]  start an authorization request for a demo client and print the URL to open;
                                            delivery: query | by-value | par (default: what the client's policy asks)
          load-urls <client> <count> <file>
                                            write <count> distinct authorization requests of the client (by value with a
                                            fresh jti when it signs, else query parameters) to <file>, one path and query
                                            a line, for scripts/load.sh
          policy show <client>              print the client's stored JAR policy: each setting's value, and whether its
                                            profile or an override set it
          policy set <client> [<json>] [--<Setting> <value> ...]
                                            change the client's stored JAR policy: <json> replaces it whole, in the shape
                                            of Jar:Clients:<client>:Policy ('{"Profile":"strict","RequireJwtId":true}');
                                            each --<Setting> <value> changes one setting (null removes the override).
                                            A policy that loosens its profile is refused and nothing is written (exit 1)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> command, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var scope = services.CreateAsyncScope();
        var arguments = command.Skip(1).ToArray();
        switch (command[0])
        {
            case DemoRequestCommand.Name:
                return await DemoRequestCommand.RunAsync(scope.ServiceProvider, arguments, output, cancellationToken).ConfigureAwait(false);
            case LoadUrlsCommand.Name:
                return await LoadUrlsCommand.RunAsync(scope.ServiceProvider, arguments, output, cancellationToken).ConfigureAwait(false);
            case PolicyCommand.Name:
                return await PolicyCommand.RunAsync(scope.ServiceProvider, arguments, output, cancellationToken).ConfigureAwait(false);
            default:
                await output.WriteLineAsync($"Unknown command '{command[0]}'.").ConfigureAwait(false);
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 2;
        }
    }

    public static async Task<int> UsageErrorAsync(TextWriter output, string message)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(message).ConfigureAwait(false);
        await output.WriteLineAsync(Usage).ConfigureAwait(false);
        return 2;
    }
}
