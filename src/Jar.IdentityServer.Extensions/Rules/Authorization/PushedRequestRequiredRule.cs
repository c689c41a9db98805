namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>RFC 9126 §4, FAPI 2.0 Security Profile §5.3.2.2-3: where the policy requires PAR, the authorization endpoint takes only a pushed request_uri.</summary>
internal sealed class PushedRequestRequiredRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.RequirePushedAuthorizationRequests && context.Request.Endpoint == JarEndpoint.Authorization)
        {
            violations.Add(new JarViolation(JarRules.PushedRequestRequired, "This client must push its authorization request to the PAR endpoint first."));
        }
    }
}
