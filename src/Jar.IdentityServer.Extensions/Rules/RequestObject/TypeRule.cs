namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §4 and §10.8: a typed object must say it is an authorization request. No <c>typ</c>, <c>JWT</c>
/// (RFC 7519 §5.1) and <c>oauth-authz-req+jwt</c> with or without <c>application/</c>, in any case, are accepted;
/// any other type (<c>dpop+jwt</c>, <c>at+jwt</c>, ...) is another kind of token and is refused.
/// </summary>
internal sealed class TypeRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        var typ = context.Header.Type;
        if (typ is null)
        {
            return null;
        }

        var bare = typ.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? typ["application/".Length..] : typ;
        return bare.Equals("oauth-authz-req+jwt", StringComparison.OrdinalIgnoreCase) || bare.Equals("jwt", StringComparison.OrdinalIgnoreCase)
            ? null
            : new JarViolation(JarRules.TypeForeign, "The request object's 'typ' names another kind of JWT.");
    }
}
