namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL010: RFC 7518 §3.3/§3.5: RSA keys of 2048 bits or more; the engine refuses smaller ones at run time too.</summary>
internal sealed class KeyRsaTooShortCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var key in client.Keys.Where(KeyChecks.IsRsa))
        {
            var bits = KeyChecks.RsaBits(key);
            if (bits < 2048)
            {
                findings.Add(new JarLintFinding(JarLintRules.KeyRsaTooShort, client.ClientId, "Jwks",
                    $"Client '{client.ClientId}': RSA {KeyChecks.Describe(key)} has {bits} bits; at least 2048 are required."));
            }
        }
    }
}
