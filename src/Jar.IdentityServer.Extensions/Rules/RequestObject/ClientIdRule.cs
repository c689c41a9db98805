namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §6.3: the object carries <c>client_id</c> and it is identical to the outer one; at PAR it is also the
/// client that authenticated (RFC 9126 §3).
/// </summary>
internal sealed class ClientIdRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        if (!context.Claims.TryGetValue(AuthorizationParameterNames.ClientId, out var inner) || !inner.IsString ||
            !string.Equals(inner.Text, context.Client.ClientId, StringComparison.Ordinal))
        {
            return new JarViolation(JarRules.ClientIdMismatch, "The request object's 'client_id' is missing or differs from the request's client_id.");
        }

        return context.Request.AuthenticatedClientId is { } authenticated && !string.Equals(authenticated, inner.Text, StringComparison.Ordinal)
            ? new JarViolation(JarRules.AuthenticatedClientMismatch, "The request object's 'client_id' is not the authenticated client.")
            : null;
    }
}
