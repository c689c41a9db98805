using System.CommandLine;
using Jar.IdentityServer.Extensions.Lint;
using Jar.SampleHost.Data;
using Jar.SampleHost.Lint;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>lint [--format text|json|sarif]</c>: the registration lint (docs/lint.md) over the host's clients, policies and
/// server settings. Exit code 0 when no finding is an error, 1 otherwise, 2 for a usage error: a deployment gate.
/// </summary>
internal static class LintCommand
{
    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var format = new Option<string>("--format")
        {
            Description = "text (a table), json, or sarif (SARIF 2.1.0, for code scanning).",
            DefaultValueFactory = static _ => "text",
            HelpName = "text|json|sarif",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("lint", "Lints the client registrations, their JAR policies and the server settings (docs/lint.md). Exit code 0 when no finding is an error, 1 otherwise.")
        {
            format,
        };

        // The registrations as a start of the host would leave them: migrated, policies seeded, clients registered.
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.All,
            (services, output, token) => RunAsync(services, parse.GetValue(format) ?? "text", output, token),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string format, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<SampleLint>().RunAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(format switch
        {
            "json" => JarLintJson.Write(report),
            "sarif" => JarLintSarif.Write(report, SampleLint.ConfigurationFile),
            _ => JarLintText.Write(report),
        }).ConfigureAwait(false);
        return report.HasErrors ? 1 : 0;
    }
}
