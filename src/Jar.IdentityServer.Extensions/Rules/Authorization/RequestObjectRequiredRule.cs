namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 9101 §10.5, FAPI 1.0 Advanced §5.2.2-1, FAPI 2.0 Message Signing §5.3.1-1: where the policy requires it,
/// the request is a signed request object, by value or pushed (at PAR a plain form is refused, RFC 9126 §2.3).
/// </summary>
internal sealed class RequestObjectRequiredRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.RequireRequestObject && !context.HasRequestObject)
        {
            violations.Add(new JarViolation(JarRules.RequestObjectRequired, "This client must send its authorization request as a signed request object."));
        }
    }
}
