using System.CommandLine;

namespace Jar.SampleHost.Commands;

/// <summary>The commands the host runs instead of serving: each uses the host's own configuration and services.</summary>
internal static class SampleCommands
{
    /// <summary>
    /// Every command, one file each: a <c>Create</c> that builds its <see cref="Command"/> (arguments, options, help)
    /// and runs through <see cref="SampleCommandContext.RunAsync"/>. A new command is one more entry here.
    /// </summary>
    public static IReadOnlyList<Func<SampleCommandContext, Command>> All { get; } =
    [
        ComplianceCommand.Create,
        DemoRequestCommand.Create,
        LoadUrlsCommand.Create,
        LintCommand.Create,
        PolicyCommand.Create,
        AuditCommand.Create,
    ];

    /// <summary>Runs <paramref name="command"/> (a command line without the host's configuration) against services that are set up already; errors go to <paramref name="output"/> too.</summary>
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> command, TextWriter output, CancellationToken cancellationToken)
    {
        var context = new SampleCommandContext((_, _, _) => Task.FromResult<IServiceProvider?>(services), output);
        return SampleCommandLine.InvokeAsync(SampleCommandLine.Create(context, serve: null), command, output, output, cancellationToken);
    }
}
