namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL020: RFC 9700 §2.1.2: the implicit grant SHOULD NOT be used. Fires when the client's policy allows no implicit
/// response type and the registration still permits one, or permits the implicit grant with no hybrid response type
/// to explain it (OpenIddict counts hybrid flows as the implicit grant).
/// </summary>
internal sealed class ImplicitGrantCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (client.Policy.AllowedResponseTypes.Any(ResponseTypes.IsImplicit))
        {
            return;
        }

        var registered = client.ResponseTypes.Where(ResponseTypes.IsImplicit).Order(StringComparer.Ordinal).ToList();
        if (registered.Count > 0)
        {
            findings.Add(new JarLintFinding(JarLintRules.ImplicitGrant, client.ClientId, "ResponseTypes",
                $"Client '{client.ClientId}': the registration permits the implicit response type(s) {string.Join(", ", registered)}; its policy allows {JarPolicyComparison.Describe(client.Policy.AllowedResponseTypes)}."));
        }
        else if (client.GrantTypes.Contains("implicit") && !client.Policy.AllowedResponseTypes.Any(ResponseTypes.IsHybrid))
        {
            findings.Add(new JarLintFinding(JarLintRules.ImplicitGrant, client.ClientId, "GrantTypes",
                $"Client '{client.ClientId}': the registration permits the implicit grant; its policy allows {JarPolicyComparison.Describe(client.Policy.AllowedResponseTypes)}."));
        }
    }
}
