namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL013: a registered key set is public (RFC 7591 §2); private members (RFC 7518 §6.2.2 <c>d</c>, §6.3.2
/// <c>d p q dp dq qi</c>) mean the client's private key has left the client, and the key must be replaced.
/// </summary>
internal sealed class KeyPrivateMaterialCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var key in client.Keys.Where(k => !KeyChecks.IsSymmetric(k)))
        {
            string?[] members = [key.D, key.P, key.Q, key.DP, key.DQ, key.QI];
            if (members.Any(m => !string.IsNullOrEmpty(m)))
            {
                findings.Add(new JarLintFinding(JarLintRules.KeyPrivateMaterial, client.ClientId, "Jwks",
                    $"Client '{client.ClientId}': registered {KeyChecks.Describe(key)} includes private key material."));
            }
        }
    }
}
