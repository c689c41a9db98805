namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL021: a hybrid response type returns tokens through the front channel (RFC 9700 §2.1.2); FAPI 2.0 allows
/// <c>code</c> only. A hybrid type is fine where the policy allows it (fapi1-advanced: <c>code id_token</c>).
/// </summary>
internal sealed class HybridResponseTypeCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        var beyond = client.ResponseTypes
            .Where(t => ResponseTypes.IsHybrid(t) && !client.Policy.AllowedResponseTypes.Contains(t))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (beyond.Count > 0)
        {
            findings.Add(new JarLintFinding(JarLintRules.HybridResponseType, client.ClientId, "ResponseTypes",
                $"Client '{client.ClientId}': the registration permits {string.Join(", ", beyond)}; its policy allows {JarPolicyComparison.Describe(client.Policy.AllowedResponseTypes)}."));
        }
    }
}
