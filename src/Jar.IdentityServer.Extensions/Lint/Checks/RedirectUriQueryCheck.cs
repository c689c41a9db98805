namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL004: RFC 6749 §3.1.2 allows a query, but a query in a registered URI invites per-request variants, which the
/// exact matching of RFC 9700 §4.1 then refuses or, worse, a lax host accepts.
/// </summary>
internal sealed class RedirectUriQueryCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var uri in client.RedirectUris)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Query.Length > 0)
            {
                findings.Add(new JarLintFinding(JarLintRules.RedirectUriQuery, client.ClientId, "RedirectUris",
                    $"Client '{client.ClientId}': redirect URI '{uri}' carries a query string ({parsed.Query})."));
            }
        }
    }
}
