namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL011: without a <c>kid</c> the engine cannot tell which key a JWS names (RFC 7515 §4.1.4), and a key rollover is guesswork.</summary>
internal sealed class KeyIdMissingCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        var missing = client.Keys.Count(k => string.IsNullOrEmpty(k.Kid));
        if (missing > 0)
        {
            findings.Add(new JarLintFinding(JarLintRules.KeyIdMissing, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': {missing} of its {client.Keys.Count} registered keys have no kid."));
        }
    }
}
