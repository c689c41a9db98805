namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 6749 §3.3 lets a server fill in a default scope; a strict policy does not: a request that names no scope is
/// refused, so a scope sent only outside a request object (which does not count, RFC 9101 §6.3) cannot turn into an
/// unscoped grant.
/// </summary>
internal sealed class ScopeRequiredRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.RequireScope && string.IsNullOrWhiteSpace(context[AuthorizationParameterNames.Scope]))
        {
            violations.Add(new JarViolation(JarRules.ScopeMissing, "The request names no scope."));
        }
    }
}
