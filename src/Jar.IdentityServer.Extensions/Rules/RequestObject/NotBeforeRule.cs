namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// FAPI 1.0 Advanced §5.2.2-13 and -17, FAPI 2.0 Security Profile §5.3.2.1-13: <c>nbf</c> (required where the policy
/// says so) is not beyond the clock skew in the future, not older than the maximum lifetime, and
/// <c>exp - nbf</c> is positive and within the maximum lifetime. Without <c>nbf</c>, the lifetime is counted from now.
/// </summary>
internal sealed class NotBeforeRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        var policy = context.Policy;
        if (NumericDate.Read(context, AuthorizationParameterNames.ExpiresAt, out var exp) != NumericDate.Presence.Present)
        {
            return null; // ExpiryRule answers for it.
        }

        switch (NumericDate.Read(context, AuthorizationParameterNames.NotBefore, out var nbf))
        {
            case NumericDate.Presence.Invalid:
                return new JarViolation(JarRules.NotBeforeMissing, "The request object's 'nbf' claim is not a number.");
            case NumericDate.Presence.Absent when policy.RequireNotBefore:
                return new JarViolation(JarRules.NotBeforeMissing, "The request object has no 'nbf' claim.");
            case NumericDate.Presence.Absent:
                return exp - context.Now > policy.MaxRequestObjectLifetime + policy.ClockSkew
                    ? new JarViolation(JarRules.LifetimeTooLong, "The request object's 'exp' is further ahead than the maximum lifetime.")
                    : null;
        }

        if (nbf > context.Now + policy.ClockSkew)
        {
            return new JarViolation(JarRules.NotBeforeInFuture, "The request object is not valid yet ('nbf' is in the future).");
        }

        // Before the lifetime: an nbf this old with an exp still in the future always breaks the lifetime too, so
        // checked second it could never answer (FAPI 1.0 Advanced §5.2.2-17 is the clause such an object breaks).
        if (context.Now - nbf > policy.MaxRequestObjectLifetime + policy.ClockSkew)
        {
            return new JarViolation(JarRules.NotBeforeTooOld, "The request object's 'nbf' is older than the maximum lifetime.");
        }

        return exp <= nbf || exp - nbf > policy.MaxRequestObjectLifetime
            ? new JarViolation(JarRules.LifetimeTooLong, "The request object's 'exp' - 'nbf' is not within the maximum lifetime.")
            : null;
    }
}
