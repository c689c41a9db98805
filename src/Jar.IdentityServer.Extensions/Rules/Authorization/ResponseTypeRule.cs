namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 6749 §4.1.1 and the policy's allowed response types (FAPI 2.0 Security Profile §5.3.2.2-1: <c>code</c> only).
/// Compared as sets of values, so <c>id_token code</c> is <c>code id_token</c>.
/// </summary>
internal sealed class ResponseTypeRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context[AuthorizationParameterNames.ResponseType] is not { } responseType)
        {
            violations.Add(new JarViolation(JarRules.ResponseTypeMissing, "The request has no response_type."));
        }
        else if (!context.Policy.AllowedResponseTypes.Contains(JarProfiles.NormalizeResponseType(responseType)))
        {
            violations.Add(new JarViolation(JarRules.ResponseTypeNotAllowed, "This client may not use this response_type."));
        }
    }
}
