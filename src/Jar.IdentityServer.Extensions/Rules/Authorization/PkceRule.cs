namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 7636 §4.2 to §4.4.1, FAPI 2.0 Security Profile §5.3.2.2-5: <c>code_challenge</c> where the policy requires
/// PKCE; whenever present, the method is exactly <c>S256</c> (an absent method means plain, §4.3) and the
/// challenge is a base64url SHA-256 (43 characters).
/// </summary>
internal sealed class PkceRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        var challenge = context[AuthorizationParameterNames.CodeChallenge];
        var method = context[AuthorizationParameterNames.CodeChallengeMethod];
        if (challenge is null)
        {
            if (context.Policy.RequirePkce)
            {
                violations.Add(new JarViolation(JarRules.PkceMissing, "This client must use PKCE: the request has no code_challenge."));
            }
            else if (method is not null)
            {
                violations.Add(new JarViolation(JarRules.PkceMissing, "The request has a code_challenge_method without a code_challenge."));
            }

            return;
        }

        if (!string.Equals(method, "S256", StringComparison.Ordinal))
        {
            violations.Add(new JarViolation(JarRules.PkceMethodNotS256, "The code_challenge_method must be S256."));
        }
        else if (challenge.Length != 43 || !RequestObjects.CompactJws.IsCanonicalBase64Url(challenge))
        {
            violations.Add(new JarViolation(JarRules.PkceChallengeMalformed, "The code_challenge is not a base64url-encoded SHA-256 hash."));
        }
    }
}
