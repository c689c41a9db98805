namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>Everything the lint looks at, read once by the host's adapter: the lint itself does no I/O.</summary>
/// <param name="Server">The server-wide settings.</param>
/// <param name="Clients">Every registered client.</param>
/// <param name="Now">The time the lint runs at (ages of report-only policies, certificate expiry, recent loosenings).</param>
public sealed record JarLintInput(JarLintServer Server, IReadOnlyList<JarLintClient> Clients, DateTimeOffset Now)
{
    /// <summary>The stored policy changes that loosened a policy, newest first (JARL036).</summary>
    public IReadOnlyList<JarPolicyChange> PolicyChanges { get; init; } = [];

    /// <summary>The thresholds.</summary>
    public JarLintOptions Options { get; init; } = new();
}
