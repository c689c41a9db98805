namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 7519 §4.1.7: <c>jti</c>, whenever present, is a non-empty string of sensible length; required where the
/// policy says so. Its single use is enforced by the replay ledger once every other check has passed.
/// </summary>
internal sealed class JwtIdRule : IRequestObjectRule
{
    public const int MaxLength = 256;

    public JarViolation? Check(RequestObjectContext context)
    {
        if (!context.Claims.TryGetValue(AuthorizationParameterNames.JwtId, out var jti))
        {
            return context.Policy.RequireJwtId ? new JarViolation(JarRules.JwtIdInvalid, "The request object has no 'jti' claim.") : null;
        }

        return jti.IsString && jti.Text.Length is > 0 and <= MaxLength
            ? null
            : new JarViolation(JarRules.JwtIdInvalid, "The request object's 'jti' is not a non-empty string of at most 256 characters.");
    }
}
