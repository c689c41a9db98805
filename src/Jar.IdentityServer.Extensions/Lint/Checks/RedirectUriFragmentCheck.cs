namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL003: RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment component.</summary>
internal sealed class RedirectUriFragmentCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var uri in client.RedirectUris.Where(u => u.Contains('#', StringComparison.Ordinal)))
        {
            findings.Add(new JarLintFinding(JarLintRules.RedirectUriFragment, client.ClientId, "RedirectUris",
                $"Client '{client.ClientId}': redirect URI '{uri}' has a fragment."));
        }
    }
}
