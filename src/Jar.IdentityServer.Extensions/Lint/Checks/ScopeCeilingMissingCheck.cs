namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL033: RFC 9700 §2.3 (privilege restriction) and OWASP NHI5:2025 (overprivileged NHI): a confidential machine
/// client (one allowed client_credentials) with many scopes should have a ceiling its requests cannot exceed.
/// </summary>
internal sealed class ScopeCeilingMissingCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (!client.IsPublic && client.GrantTypes.Contains("client_credentials") && client.Policy.AllowedScopes is null
            && client.Scopes.Count > input.Options.MaxScopesWithoutCeiling)
        {
            findings.Add(new JarLintFinding(JarLintRules.ScopeCeilingMissing, client.ClientId, nameof(JarPolicy.AllowedScopes),
                $"Client '{client.ClientId}': a machine client with {client.Scopes.Count} scopes and no AllowedScopes ceiling (more than {input.Options.MaxScopesWithoutCeiling})."));
        }
    }
}
