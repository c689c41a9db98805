namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL001: plain http is only for loopback redirects (RFC 8252 §7.3); anywhere else the code travels in clear (RFC 6749 §3.1.2.1).</summary>
internal sealed class RedirectUriPlainHttpCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var uri in client.RedirectUris)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
                && string.Equals(parsed.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
                && !Loopback.IsLoopback(parsed.Host))
            {
                findings.Add(new JarLintFinding(JarLintRules.RedirectUriPlainHttp, client.ClientId, "RedirectUris",
                    $"Client '{client.ClientId}': redirect URI '{uri}' uses plain http on '{parsed.Host}', which is not a loopback address."));
            }
        }
    }
}
