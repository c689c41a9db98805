namespace Jar.IdentityServer.Extensions;

/// <summary>What re-verifying a kept request object's signature found.</summary>
public enum JarEvidenceSignature
{
    /// <summary>The signature verifies with a key the client has registered now.</summary>
    Verified,

    /// <summary>
    /// The signature does not verify with the client's registered key that it names (or fits), or the kept object is
    /// not a signed compact JWS: the kept object is not what the client signed.
    /// </summary>
    Failed,

    /// <summary>
    /// No key to check it with: the client, or the key the object names (its <c>kid</c>), is no longer registered, or
    /// the client's secret of an HMAC signature is not available. Not a failure: the object may well be genuine.
    /// </summary>
    CannotVerify,
}
