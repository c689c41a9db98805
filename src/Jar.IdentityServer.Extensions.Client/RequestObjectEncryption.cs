namespace Jar.IdentityServer.Extensions.Client;

/// <summary>Whether and how a request object is encrypted to the server (RFC 9101 §6.1).</summary>
public enum RequestObjectEncryption
{
    /// <summary>Signed only.</summary>
    None,

    /// <summary>Signed, then encrypted with RSA-OAEP-256 and A256GCM to the server's RSA <c>use: enc</c> key.</summary>
    RsaOaep256,

    /// <summary>Signed, then encrypted with ECDH-ES and A256GCM to the server's EC <c>use: enc</c> key.</summary>
    EcdhEs,

    /// <summary>Signed, then encrypted with whichever of RSA-OAEP-256 and ECDH-ES the server advertises and publishes a key for (RSA-OAEP-256 first).</summary>
    Any,
}
