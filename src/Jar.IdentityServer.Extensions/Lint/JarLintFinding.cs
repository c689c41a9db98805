namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>One finding: the rule broken, what it was found on, the setting at fault and a message naming both.</summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="ClientId">The client whose registration or policy is at fault; null for a server-wide finding.</param>
/// <param name="Setting">The setting at fault (<c>RedirectUris</c>, <c>Jwks</c>, <c>Mode</c>, <c>CodeChallengeMethods</c>...).</param>
/// <param name="Message">The finding in one sentence, naming the client (or the server) and the setting.</param>
public sealed record JarLintFinding(JarLintRule Rule, string? ClientId, string Setting, string Message)
{
    /// <summary>The rule's severity.</summary>
    public JarLintSeverity Severity => Rule.Severity;

    /// <summary>What the finding is about: <c>client:&lt;client_id&gt;</c>, or <c>server</c>.</summary>
    public string Subject => ClientId is null ? "server" : "client:" + ClientId;
}
