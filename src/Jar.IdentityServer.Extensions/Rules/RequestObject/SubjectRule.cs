namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §10.8: a request object must not be usable as another kind of JWT. One whose <c>sub</c> is the client_id
/// has the claims of a client assertion (RFC 7523 §3: <c>iss</c> and <c>sub</c> both the client), so it could be
/// replayed at the token endpoint; it is refused. Any other <c>sub</c> is not an authorization parameter: it never
/// names or selects the user (that is <c>login_hint</c> or <c>id_token_hint</c>), it is not passed to the host,
/// and it must be a string.
/// </summary>
internal sealed class SubjectRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        if (!context.Claims.TryGetValue(AuthorizationParameterNames.Subject, out var sub))
        {
            return null;
        }

        if (!sub.IsString)
        {
            return new JarViolation(JarRules.ClaimValueInvalid, "The request object's 'sub' has a value of the wrong JSON type.");
        }

        return string.Equals(sub.Text, context.Client.ClientId, StringComparison.Ordinal)
            ? new JarViolation(JarRules.SubjectIsClient, "The request object's 'sub' is the client_id, as in a client assertion.")
            : null;
    }
}
