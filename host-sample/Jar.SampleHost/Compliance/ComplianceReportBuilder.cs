using System.Globalization;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Data;
using Jar.SampleHost.Lint;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Compliance;

/// <summary>
/// Builds the compliance report from the host's own data: each client's stored policy (the evidence: value and source
/// of each setting), the lint, and the decision records of the last days (<c>JarDecisionRecords</c>).
/// </summary>
internal sealed class ComplianceReportBuilder(
    IJarPolicyAdministration policies,
    SampleLint lint,
    AppDbContext database,
    IOptions<SampleClientsOptions> clients,
    TimeProvider time)
{
    public async Task<ComplianceReport> BuildAsync(string? clientId, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now.AddDays(-days);
        var ids = clients.Value.Clients.Keys.Where(id => clientId is null || id == clientId).Order(StringComparer.Ordinal).ToList();
        var findings = (await lint.RunAsync(cancellationToken).ConfigureAwait(false)).Findings;
        var records = await database.Set<JarDecisionRecord>().AsNoTracking()
            .Where(r => r.DecidedAt >= since && (clientId == null || r.ClientId == clientId))
            .Select(r => new { r.ClientId, r.Outcome, r.RuleIds, r.DecidedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var parts = new List<ClientCompliance>();
        foreach (var id in ids)
        {
            var stored = await policies.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var policy = stored.Resolution.Policy;
            var controls = ComplianceControls.All
                .Select(c => new ControlEvidence(c, c.InForce(policy), Value(policy, c.Setting), stored.Resolution.Sources.TryGetValue(c.Setting, out var source) ? source : "profile:" + policy.Profile))
                .ToList();
            var own = records.Where(r => r.ClientId == id).Select(r => (r.Outcome, r.RuleIds));
            var origin = stored.Revision is { } revision ? $"{stored.Origin}, revision {revision.ToString(CultureInfo.InvariantCulture)}" : stored.Origin.ToString();
            parts.Add(new ClientCompliance(id, policy.Profile, origin, controls, findings.Where(f => f.ClientId == id).ToList(), Summarize(own)));
        }

        var refusals = records.Where(r => r.Outcome == JarOutcome.Refused).ToList();
        var byDay = refusals
            .SelectMany(r => Rules(r.RuleIds).Select(rule => (Day: DateOnly.FromDateTime(r.DecidedAt.UtcDateTime), Rule: rule)))
            .GroupBy(x => x)
            .Select(g => (g.Key.Day, g.Key.Rule, g.Count()))
            .OrderBy(x => x.Day).ThenBy(x => x.Rule, StringComparer.Ordinal)
            .ToList();
        var byClient = refusals.GroupBy(r => r.ClientId ?? "(none)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var server = new ServerCompliance(records.Count, findings.Where(f => f.ClientId is null).ToList(), byDay, byClient);
        return new ComplianceReport(now, days, parts, server);
    }

    private static DecisionSummary Summarize(IEnumerable<(JarOutcome Outcome, string RuleIds)> records)
    {
        int accepted = 0, reportOnly = 0, refused = 0;
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (outcome, ruleIds) in records)
        {
            switch (outcome)
            {
                case JarOutcome.Accepted: accepted++; break;
                case JarOutcome.ReportOnly: reportOnly++; break;
                default:
                    refused++;
                    foreach (var rule in Rules(ruleIds))
                    {
                        byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
                    }

                    break;
            }
        }

        return new DecisionSummary(accepted, reportOnly, refused, byRule);
    }

    private static string[] Rules(string ruleIds) => ruleIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A setting's value as text, as policy show writes it.</summary>
    private static string Value(JarPolicy policy, string setting) => typeof(JarPolicy).GetProperty(setting)?.GetValue(policy) switch
    {
        bool b => b ? "true" : "false",
        IReadOnlySet<string> set => JarPolicyComparison.Describe(set),
        null => "(none)",
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
