namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL043: a grant type discovery advertises (RFC 8414 §2) that no client may use is attack surface and nothing else.</summary>
internal sealed class GrantTypeUnusedCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        foreach (var grant in input.Server.GrantTypes.Where(g => !input.Clients.Any(c => c.GrantTypes.Contains(g))).Order(StringComparer.Ordinal))
        {
            findings.Add(new JarLintFinding(JarLintRules.GrantTypeUnused, null, "GrantTypes",
                $"Server: grant type '{grant}' is advertised, and no registered client may use it."));
        }
    }
}
