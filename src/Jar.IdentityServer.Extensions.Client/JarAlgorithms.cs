namespace Jar.IdentityServer.Extensions.Client;

/// <summary>The JOSE algorithm names this library signs and encrypts with (RFC 7518).</summary>
public static class JarAlgorithms
{
    /// <summary>RSASSA-PSS with SHA-256 (RFC 7518 §3.5): request objects and client assertions signed by an RSA key.</summary>
    public const string PS256 = "PS256";

    /// <summary>ECDSA on P-256 with SHA-256 (RFC 7518 §3.4): request objects and client assertions signed by an EC key.</summary>
    public const string ES256 = "ES256";

    /// <summary>RSAES-OAEP with SHA-256 key transport (RFC 7518 §4.3), to an RSA encryption key of the server.</summary>
    public const string RsaOaep256 = "RSA-OAEP-256";

    /// <summary>ECDH-ES direct key agreement (RFC 7518 §4.6), to an EC encryption key of the server.</summary>
    public const string EcdhEs = "ECDH-ES";

    /// <summary>AES-256 in Galois/Counter Mode (RFC 7518 §5.3): the content encryption of a nested request object.</summary>
    public const string A256Gcm = "A256GCM";
}
