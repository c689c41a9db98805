namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>OpenID Connect Core §6.1, RFC 9101 §4: <c>iss</c>, when present or required, is the client_id.</summary>
internal sealed class IssuerRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        if (!context.Claims.TryGetValue(AuthorizationParameterNames.Issuer, out var iss))
        {
            return context.Policy.RequireIssuer
                ? new JarViolation(JarRules.IssuerInvalid, "The request object has no 'iss' claim.")
                : null;
        }

        return iss.IsString && string.Equals(iss.Text, context.Client.ClientId, StringComparison.Ordinal)
            ? null
            : new JarViolation(JarRules.IssuerInvalid, "The request object's 'iss' is not the client_id.");
    }
}
