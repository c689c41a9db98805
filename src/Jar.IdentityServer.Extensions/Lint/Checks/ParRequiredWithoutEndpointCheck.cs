namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL031: RFC 9126 §5: a client required to push its requests needs a PAR endpoint to push to.</summary>
internal sealed class ParRequiredWithoutEndpointCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (client.Policy.RequirePushedAuthorizationRequests && !input.Server.HasPushedAuthorizationEndpoint)
        {
            findings.Add(new JarLintFinding(JarLintRules.ParRequiredWithoutEndpoint, client.ClientId, nameof(JarPolicy.RequirePushedAuthorizationRequests),
                $"Client '{client.ClientId}': its policy requires pushed authorization requests, and the server has no PAR endpoint."));
        }
    }
}
