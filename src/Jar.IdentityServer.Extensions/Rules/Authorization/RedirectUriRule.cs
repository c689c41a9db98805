namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 6749 §3.1.2.3, FAPI 1.0 Baseline §5.2.2-8 to -10: <c>redirect_uri</c> (required where the policy says so)
/// equals a registered URI by ordinal comparison: no normalization, no prefix, no case folding.
/// </summary>
internal sealed class RedirectUriRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context[AuthorizationParameterNames.RedirectUri] is not { } redirectUri)
        {
            if (context.Policy.RequireRedirectUri)
            {
                violations.Add(new JarViolation(JarRules.RedirectUriMissing, "The request has no redirect_uri."));
            }

            return;
        }

        foreach (var registered in context.Client.RedirectUris)
        {
            if (string.Equals(registered, redirectUri, StringComparison.Ordinal))
            {
                return;
            }
        }

        violations.Add(new JarViolation(JarRules.RedirectUriUnregistered, "The redirect_uri is not registered for this client."));
    }
}
