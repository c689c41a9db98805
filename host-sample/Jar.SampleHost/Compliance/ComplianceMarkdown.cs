using System.Globalization;
using System.Text;
using Jar.IdentityServer.Extensions.Lint;

namespace Jar.SampleHost.Compliance;

/// <summary>The compliance report as Markdown: one section per client, then the server.</summary>
internal static class ComplianceMarkdown
{
    public static string Write(ComplianceReport report)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# JAR compliance report").AppendLine().AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC from the host's own data; decisions of the last {report.Days} days. Mappings marked *(interpretation)* are this project's reading, not the framework's statement.").AppendLine();
        foreach (var client in report.Clients)
        {
            md.AppendLine().Append(CultureInfo.InvariantCulture, $"## Client `{client.ClientId}`").AppendLine().AppendLine();
            md.Append(CultureInfo.InvariantCulture, $"Profile `{client.Profile}`; policy kept in {client.PolicyOrigin}.").AppendLine().AppendLine();
            md.AppendLine("| control | in force | evidence (setting = value, source) | maps to |").AppendLine("|---|---|---|---|");
            foreach (var control in client.Controls)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {control.Control.Name} | {(control.InForce ? "yes" : "no")} | `{control.Control.Setting}` = {control.Value} ({control.Source}) | {References(control.Control.References)} |").AppendLine();
            }

            md.AppendLine().Append(CultureInfo.InvariantCulture, $"Decisions: {client.Decisions.Accepted} accepted, {client.Decisions.ReportOnly} report-only, {client.Decisions.Refused} refused").Append(Rules(client.Decisions.RefusedByRule)).AppendLine(".");
            md.Append("Lint: ").AppendLine(client.Findings.Count == 0 ? "no findings." : string.Join("; ", client.Findings.Select(f => $"{JarLintText.Level(f.Severity)} {f.Rule.Id} {f.Message}")));
        }

        md.AppendLine().AppendLine("## Server").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Decision trail: {report.Server.DecisionTrailRecords} decision records in the period (`JarDecisionRecords`); maps to {References(ComplianceControls.DecisionTrail)}.").AppendLine();
        md.Append("Lint: ").AppendLine(report.Server.Findings.Count == 0 ? "no findings." : string.Join("; ", report.Server.Findings.Select(f => $"{JarLintText.Level(f.Severity)} {f.Rule.Id} {f.Message}")));
        return md.ToString();
    }

    public static string References(IEnumerable<FrameworkReference> references) =>
        string.Join("; ", references.Select(r => $"{r.Framework} {r.Id} {r.Title}{(r.Interpretation ? " *(interpretation)*" : string.Empty)}"));

    private static string Rules(IReadOnlyDictionary<string, int> byRule) =>
        byRule.Count == 0 ? string.Empty : " (" + string.Join(", ", byRule.Select(p => $"{p.Key}: {p.Value}")) + ")";
}
