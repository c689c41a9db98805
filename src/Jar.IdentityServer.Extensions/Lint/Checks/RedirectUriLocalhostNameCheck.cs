namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL005: RFC 8252 §8.3: for loopback redirects, <c>localhost</c> is NOT RECOMMENDED (it may resolve to another
/// interface, or be answered by a firewall); use the IP literal. The native-app rules apply to native and public clients.
/// </summary>
internal sealed class RedirectUriLocalhostNameCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (!client.IsNative && !client.IsPublic)
        {
            return;
        }

        foreach (var uri in client.RedirectUris)
        {
            if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
                && string.Equals(parsed.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
                && Loopback.IsLocalhostName(parsed.Host))
            {
                findings.Add(new JarLintFinding(JarLintRules.RedirectUriLocalhostName, client.ClientId, "RedirectUris",
                    $"Client '{client.ClientId}': redirect URI '{uri}' names '{parsed.Host}'; use 127.0.0.1 or [::1]."));
            }
        }
    }
}
