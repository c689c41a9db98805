namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL006: one client sending codes to several hosts widens where a code can land (RFC 9700 §4.1; an interpretation).</summary>
internal sealed class RedirectUriSeveralHostsCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        var hosts = client.RedirectUris
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var parsed) ? parsed.Host : null)
            .OfType<string>()
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (hosts.Count > 1)
        {
            findings.Add(new JarLintFinding(JarLintRules.RedirectUriSeveralHosts, client.ClientId, "RedirectUris",
                $"Client '{client.ClientId}': redirect URIs point at {hosts.Count} hosts ({string.Join(", ", hosts)})."));
        }
    }
}
