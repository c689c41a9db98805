namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>FAPI 1.0 Advanced §5.2.2-13, RFC 7519 §4.1.4: <c>exp</c> is required, a number, and in the future.</summary>
internal sealed class ExpiryRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context) =>
        NumericDate.Read(context, AuthorizationParameterNames.ExpiresAt, out var exp) switch
        {
            NumericDate.Presence.Present when exp <= context.Now - context.Policy.ClockSkew =>
                new JarViolation(JarRules.Expired, "The request object has expired."),
            NumericDate.Presence.Present => null,
            _ => new JarViolation(JarRules.ExpiryMissing, "The request object has no numeric 'exp' claim."),
        };
}
