namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL030: RFC 9101 §6.2: a request object is verified with the client's registered keys. A policy that requires one
/// from a client with no key fit for an algorithm the policy allows refuses every request of that client.
/// </summary>
internal sealed class RequestObjectWithoutKeyCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (!client.Policy.RequireRequestObject)
        {
            return;
        }

        var algorithms = client.Policy.AllowedSigningAlgorithms;
        var rsa = algorithms.Any(a => a.StartsWith("PS", StringComparison.Ordinal) || a.StartsWith("RS", StringComparison.Ordinal));
        var ec = algorithms.Any(a => a.StartsWith("ES", StringComparison.Ordinal));
        var usable = client.Keys.Any(k => k.Use is null or "" or "sig"
            && (rsa && KeyChecks.IsRsa(k) && KeyChecks.RsaBits(k) >= 2048 || ec && string.Equals(k.Kty, "EC", StringComparison.Ordinal)));
        if (!usable)
        {
            findings.Add(new JarLintFinding(JarLintRules.RequestObjectWithoutKey, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': its policy requires a signed request object ({JarPolicyComparison.Describe(algorithms)}), but none of its {client.Keys.Count} registered keys can verify one."));
        }
    }
}
