namespace Jar.IdentityServer.Extensions;

/// <summary>
/// What happens to authorization parameters sent outside a request object. In both modes only the object's
/// parameters are used (RFC 9101 §6.3); the modes differ only in whether a difference is an error.
/// </summary>
public enum OuterParameterHandling
{
    /// <summary>
    /// An outer parameter that is absent from the object or differs from it refuses the request with
    /// <c>invalid_request</c> (the way Keycloak's secure-request-object executor answers). Equal duplicates,
    /// which OpenID Connect §6.1 asks clients to send, are accepted. The default.
    /// </summary>
    RejectMismatch,

    /// <summary>Outer parameters are discarded without a word (RFC 9101 §6.3 read literally).</summary>
    Discard,
}
