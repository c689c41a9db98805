namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>The lint's result: every finding, in rule order then client order.</summary>
/// <param name="Findings">Every finding.</param>
/// <param name="ClientCount">How many clients were linted.</param>
public sealed record JarLintReport(IReadOnlyList<JarLintFinding> Findings, int ClientCount)
{
    /// <summary>At least one finding is an <see cref="JarLintSeverity.Error"/>: a deployment gate fails.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == JarLintSeverity.Error);

    /// <summary>How many findings have the given severity.</summary>
    public int Count(JarLintSeverity severity) => Findings.Count(f => f.Severity == severity);
}
