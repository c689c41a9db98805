namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL035: a <c>private_key_jwt</c> client already makes single-use JWTs for its assertions (RFC 7523 §3 item 7);
/// asking the same of its request objects closes their replay window at no cost to it.
/// </summary>
internal sealed class JwtIdNotRequiredCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (!client.Policy.RequireJwtId && string.Equals(client.AuthenticationMethod, "private_key_jwt", StringComparison.Ordinal))
        {
            findings.Add(new JarLintFinding(JarLintRules.JwtIdNotRequired, client.ClientId, nameof(JarPolicy.RequireJwtId),
                $"Client '{client.ClientId}': authenticates with private_key_jwt, and its policy does not require jti in request objects."));
        }
    }
}
