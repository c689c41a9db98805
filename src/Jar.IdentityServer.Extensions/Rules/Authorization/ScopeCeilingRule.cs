namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>RFC 6749 §3.3: a scope beyond the client's ceiling refuses the request with invalid_scope; it is never trimmed silently.</summary>
internal sealed class ScopeCeilingRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.AllowedScopes is not { } ceiling || context[AuthorizationParameterNames.Scope] is not { } scope)
        {
            return;
        }

        foreach (var value in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ceiling.Contains(value))
            {
                violations.Add(new JarViolation(JarRules.ScopeBeyondCeiling, "The request asks for a scope beyond this client's ceiling."));
                return;
            }
        }
    }
}
