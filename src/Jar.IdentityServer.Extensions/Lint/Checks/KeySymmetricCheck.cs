namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL014: a symmetric key in a registered key set is a shared secret in clear: whoever holds the registration can
/// sign as the client. Request objects and <c>private_key_jwt</c> assertions must be verifiable by a public key.
/// </summary>
internal sealed class KeySymmetricCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var key in client.Keys.Where(KeyChecks.IsSymmetric))
        {
            findings.Add(new JarLintFinding(JarLintRules.KeySymmetric, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': registered {KeyChecks.Describe(key)} is symmetric (kty oct)."));
        }
    }
}
