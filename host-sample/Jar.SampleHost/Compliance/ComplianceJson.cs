using System.Text.Json;
using Jar.IdentityServer.Extensions.Lint;

namespace Jar.SampleHost.Compliance;

/// <summary>The compliance report as JSON.</summary>
internal static class ComplianceJson
{
    public static string Write(ComplianceReport report)
    {
        var document = new
        {
            generatedAt = report.GeneratedAt,
            days = report.Days,
            clients = report.Clients.Select(c => new
            {
                clientId = c.ClientId,
                profile = c.Profile,
                policyOrigin = c.PolicyOrigin,
                controls = c.Controls.Select(e => new
                {
                    id = e.Control.Id,
                    name = e.Control.Name,
                    inForce = e.InForce,
                    setting = e.Control.Setting,
                    value = e.Value,
                    source = e.Source,
                    mapsTo = References(e.Control.References),
                }),
                decisions = new { accepted = c.Decisions.Accepted, reportOnly = c.Decisions.ReportOnly, refused = c.Decisions.Refused, refusedByRule = c.Decisions.RefusedByRule },
                lint = Findings(c.Findings),
            }),
            server = new
            {
                decisionTrail = new { records = report.Server.DecisionTrailRecords, mapsTo = References(ComplianceControls.DecisionTrail) },
                lint = Findings(report.Server.Findings),
                refusalsByClient = report.Server.RefusalsByClient,
                refusalsByDay = report.Server.RefusalsByDayAndRule.Select(x => new { day = x.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rule = x.Rule, count = x.Count }),
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    private static IEnumerable<object> References(IEnumerable<FrameworkReference> references) =>
        references.Select(r => new { framework = r.Framework, id = r.Id, title = r.Title, interpretation = r.Interpretation });

    private static IEnumerable<object> Findings(IEnumerable<JarLintFinding> findings) =>
        findings.Select(f => new { ruleId = f.Rule.Id, severity = JarLintText.Level(f.Severity), setting = f.Setting, message = f.Message });
}
