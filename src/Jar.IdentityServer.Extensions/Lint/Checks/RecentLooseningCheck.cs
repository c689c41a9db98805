namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL036: a loosened stored policy is a deliberate act; the lint keeps it in view for the review window.</summary>
internal sealed class RecentLooseningCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        foreach (var change in input.PolicyChanges.Where(c => c.Loosenings.Count > 0 && input.Now - c.ChangedAt <= input.Options.RecentLooseningWindow))
        {
            var settings = string.Join("; ", change.Loosenings.Select(l => $"{l.Setting} {l.Before} -> {l.After}"));
            findings.Add(new JarLintFinding(JarLintRules.RecentLoosening, change.ClientId, string.Join(",", change.Loosenings.Select(l => l.Setting)),
                $"Client '{change.ClientId}': policy loosened on {change.ChangedAt:yyyy-MM-dd HH:mm} UTC by '{change.Actor}' ({settings}); reason: {change.Reason}"));
        }
    }
}
