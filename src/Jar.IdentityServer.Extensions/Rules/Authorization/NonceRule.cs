namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>FAPI 1.0 Baseline §5.2.2.2, OpenID Connect Core §3.3.2.11: where the policy says so, an <c>openid</c> request carries a nonce.</summary>
internal sealed class NonceRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.RequireNonceForOpenId && context[AuthorizationParameterNames.Nonce] is null &&
            context[AuthorizationParameterNames.Scope] is { } scope &&
            scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("openid", StringComparer.Ordinal))
        {
            violations.Add(new JarViolation(JarRules.NonceMissing, "This client must send a nonce with an openid request."));
        }
    }
}
