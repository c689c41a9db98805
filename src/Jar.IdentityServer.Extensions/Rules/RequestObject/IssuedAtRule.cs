namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 7519 §4.1.6, FAPI 2.0 Security Profile §5.3.2.1-13: <c>iat</c> is never required (FAPI clients omit it), but
/// when present it is a number, not beyond the clock skew in the future, and not older than a day.
/// </summary>
internal sealed class IssuedAtRule : IRequestObjectRule
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    public JarViolation? Check(RequestObjectContext context) =>
        NumericDate.Read(context, AuthorizationParameterNames.IssuedAt, out var iat) switch
        {
            NumericDate.Presence.Absent => null,
            NumericDate.Presence.Present when iat <= context.Now + context.Policy.ClockSkew && context.Now - iat <= MaxAge => null,
            _ => new JarViolation(JarRules.IssuedAtInvalid, "The request object's 'iat' is not a plausible issue time."),
        };
}
