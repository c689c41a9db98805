namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL032: report-only lets policy violations through; it is a rollout step, and a forgotten one is a policy never enforced.</summary>
internal sealed class ReportOnlyTooLongCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (client.Policy.Mode == EnforcementMode.ReportOnly && client.PolicyUpdatedAt is { } since
            && input.Now - since > input.Options.MaxReportOnlyAge)
        {
            findings.Add(new JarLintFinding(JarLintRules.ReportOnlyTooLong, client.ClientId, nameof(JarPolicy.Mode),
                $"Client '{client.ClientId}': its policy has been ReportOnly since {since:yyyy-MM-dd} ({(int)(input.Now - since).TotalDays} days; the window is {(int)input.Options.MaxReportOnlyAge.TotalDays})."));
        }
    }
}
