namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>
/// RFC 9101 §6.1, OpenID Connect Registration §2 (<c>request_object_encryption_alg</c>): where the policy requires it,
/// the request object is encrypted to the server, so its parameters are confidential in transit; a signed-only or
/// plain request is refused.
/// </summary>
internal sealed class EncryptionRequiredRule : IAuthorizationRequestRule
{
    public void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        if (context.Policy.RequireEncryptedRequestObject && !context.RequestObjectEncrypted)
        {
            violations.Add(new JarViolation(JarRules.EncryptionRequired, "This client must encrypt its request object to the server."));
        }
    }
}
