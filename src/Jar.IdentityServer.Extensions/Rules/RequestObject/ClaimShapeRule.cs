namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §4: an object carries no <c>request</c> or <c>request_uri</c> of its own, and the authorization
/// parameters that are strings on the wire are strings inside it (no arrays, numbers or nulls in their place).
/// </summary>
internal sealed class ClaimShapeRule : IRequestObjectRule
{
    private static readonly HashSet<string> StringParameters = new(StringComparer.Ordinal)
    {
        "response_type", "client_id", "redirect_uri", "scope", "state", "nonce", "code_challenge",
        "code_challenge_method", "response_mode", "prompt", "login_hint", "acr_values", "ui_locales", "display",
        "id_token_hint",
    };

    public JarViolation? Check(RequestObjectContext context)
    {
        foreach (var (name, value) in context.Claims)
        {
            if (name is AuthorizationParameterNames.Request or AuthorizationParameterNames.RequestUri)
            {
                return new JarViolation(JarRules.NestedRequestClaim, "The request object carries a 'request' or 'request_uri' claim.");
            }

            if (value.Kind == System.Text.Json.JsonValueKind.Null || (!value.IsString && StringParameters.Contains(name)))
            {
                return new JarViolation(JarRules.ClaimValueInvalid, "A request object claim has a value of the wrong JSON type.");
            }
        }

        return null;
    }
}
