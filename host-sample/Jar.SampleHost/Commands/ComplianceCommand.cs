using System.CommandLine;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Compliance;
using Jar.SampleHost.Data;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>compliance [--client &lt;id&gt;] [--format md|json|html] [--days N]</c>: the compliance report (docs/compliance.md)
/// from the host's own data: each control with its evidence, the lint findings, and the last N days of decisions.
/// </summary>
internal static class ComplianceCommand
{
    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new Option<string?>("--client") { Description = "Only this configured client (Jar:Clients).", HelpName = "id" };
        var format = new Option<string>("--format") { Description = "md (Markdown), json, or html (a page with the charts).", DefaultValueFactory = static _ => "md", HelpName = "md|json|html" };
        format.AcceptOnlyFromAmong("md", "json", "html");
        var days = new Option<int>("--days") { Description = "How many days of decisions to count (1 to 366).", DefaultValueFactory = static _ => 30 };
        days.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 366)
            {
                result.AddError("--days must be between 1 and 366.");
            }
        });
        var command = new Command("compliance", "Prints the compliance report: per client and for the server, each control in force with its evidence, the lint findings and the recent decisions (docs/compliance.md).")
        {
            client,
            format,
            days,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.All,
            (services, output, token) => RunAsync(services, parse.GetValue(client), parse.GetValue(format) ?? "md", parse.GetValue(days), output, token),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string? clientId, string format, int days, TextWriter output, CancellationToken cancellationToken)
    {
        if (clientId is not null && !services.GetRequiredService<IOptions<SampleClientsOptions>>().Value.Clients.ContainsKey(clientId))
        {
            throw new CommandUsageException($"compliance: '{clientId}' is not a configured client.");
        }

        var report = await services.GetRequiredService<ComplianceReportBuilder>().BuildAsync(clientId, days, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(format switch
        {
            "json" => ComplianceJson.Write(report),
            "html" => ComplianceHtml.Page(report),
            _ => ComplianceMarkdown.Write(report),
        }).ConfigureAwait(false);
        return 0;
    }
}
