using System.Globalization;
using System.Net;
using System.Text;
using Jar.IdentityServer.Extensions.Lint;

namespace Jar.SampleHost.Compliance;

/// <summary>The compliance report as HTML: the charts (inline SVG), then a table per client and the server. Used by the command and the /compliance page alike.</summary>
internal static class ComplianceHtml
{
    /// <summary>The report's body (no page around it).</summary>
    public static string Body(ComplianceReport report)
    {
        var html = new StringBuilder();
        var lastDay = DateOnly.FromDateTime(report.GeneratedAt.UtcDateTime);
        html.Append(CultureInfo.InvariantCulture, $"<p>Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC from the host's own data; decisions of the last {report.Days} days. Mappings marked <em>(interpretation)</em> are this project's reading, not the framework's statement.</p>");
        html.Append("<h2>Refusals per rule over time</h2>").Append(SvgCharts.RefusalsPerRuleOverTime(report.Server.RefusalsByDayAndRule, lastDay, report.Days));
        html.Append("<h2>Refusals per client</h2>").Append(SvgCharts.RefusalsPerClient(report.Server.RefusalsByClient));
        foreach (var client in report.Clients)
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"client\" id=\"client-{E(client.ClientId)}\"><h2>Client <code>{E(client.ClientId)}</code></h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Profile <code>{E(client.Profile)}</code>; policy kept in {E(client.PolicyOrigin)}.</p>");
            html.Append("<div class=\"scroll\"><table><thead><tr><th>control</th><th>in force</th><th>evidence</th><th>maps to</th></tr></thead><tbody>");
            foreach (var control in client.Controls)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-control=\"{E(control.Control.Id)}\"><td>{E(control.Control.Name)}</td><td>{(control.InForce ? "yes" : "no")}</td><td><code>{E(control.Control.Setting)}</code> = {E(control.Value)} ({E(control.Source)})</td><td>{References(control.Control.References)}</td></tr>");
            }

            html.Append("</tbody></table></div>");
            var byRule = string.Join(", ", client.Decisions.RefusedByRule.Select(p => $"{p.Key}: {p.Value}"));
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"decisions\">Decisions: {client.Decisions.Accepted} accepted, {client.Decisions.ReportOnly} report-only, {client.Decisions.Refused} refused{(byRule.Length > 0 ? $" ({E(byRule)})" : string.Empty)}.</p>");
            html.Append(Findings(client.Findings)).Append("</section>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"server\"><h2>Server</h2><p>Decision trail: {report.Server.DecisionTrailRecords} decision records in the period (<code>JarDecisionRecords</code>); maps to {References(ComplianceControls.DecisionTrail)}.</p>");
        return html.Append(Findings(report.Server.Findings)).Append("</section>").ToString();
    }

    /// <summary>A whole page, for <c>compliance --format html</c>.</summary>
    public static string Page(ComplianceReport report) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>JAR compliance report</title></head><body><h1>JAR compliance report</h1>" + Body(report) + "</body></html>";

    private static string Findings(IReadOnlyList<JarLintFinding> findings) =>
        findings.Count == 0 ? "<p>Lint: no findings.</p>"
        : "<ul class=\"lint\">" + string.Concat(findings.Select(f => $"<li>{JarLintText.Level(f.Severity)} {E(f.Rule.Id)}: {E(f.Message)}</li>")) + "</ul>";

    private static string References(IEnumerable<FrameworkReference> references) =>
        string.Join("<br>", references.Select(r => $"{E(r.Framework)} <strong>{E(r.Id)}</strong> {E(r.Title)}{(r.Interpretation ? " <em>(interpretation)</em>" : string.Empty)}"));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
