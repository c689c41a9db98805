using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.Keys;

/// <summary>
/// One private key of the client: it signs request objects and client assertions with <see cref="Algorithm"/>
/// (PS256 for RSA keys of at least 2048 bits, ES256 for P-256 keys) and is named by <see cref="KeyId"/> in the JWS
/// header (RFC 7515 §4.1.4), so the server picks exactly this registered key.
/// </summary>
/// <remarks>
/// Load one from a JWK (<see cref="FromJwk"/>, <see cref="FromJwkFile"/>), PEM (<see cref="FromPem"/>), an X.509
/// certificate with its private key (<see cref="FromCertificate"/>) or any <see cref="SecurityKey"/> that holds a
/// private RSA or EC key (<see cref="FromSecurityKey"/>). Without a key id, the RFC 7638 thumbprint of the public key
/// is used. <see cref="SigningFrom"/> lets a key be published before it signs (see <see cref="ClientKeySet"/>).
/// </remarks>
public sealed record ClientSigningKey
{
    private ClientSigningKey(string keyId, string algorithm, AsymmetricSecurityKey privateKey, JsonWebKey publicKey)
    {
        KeyId = keyId;
        Algorithm = algorithm;
        PrivateKey = privateKey;
        PublicKey = publicKey;
    }

    /// <summary>The <c>kid</c> the key is registered under and named by in every header it signs.</summary>
    public string KeyId { get; }

    /// <summary>The JWS algorithm: <see cref="JarAlgorithms.PS256"/> or <see cref="JarAlgorithms.ES256"/>.</summary>
    public string Algorithm { get; }

    /// <summary>The private key, with <see cref="SecurityKey.KeyId"/> = <see cref="KeyId"/>.</summary>
    public AsymmetricSecurityKey PrivateKey { get; }

    /// <summary>The public half as a JWK (<c>kty</c>, <c>kid</c>, <c>use: sig</c>, <c>alg</c> and the public parameters only).</summary>
    public JsonWebKey PublicKey { get; }

    /// <summary>
    /// When the key starts signing; <see langword="null"/>: at once. Until then it is only published in the client's
    /// JWKS, so a server that caches the JWKS knows it before the first object it signs arrives.
    /// </summary>
    public DateTimeOffset? SigningFrom { get; init; }

    /// <summary>The credentials that sign with this key (<c>kid</c> in the header, <see cref="Algorithm"/>).</summary>
    public SigningCredentials SigningCredentials => new(PrivateKey, Algorithm);

    /// <summary>Takes the private RSA or EC key held by <paramref name="key"/> (an <see cref="RsaSecurityKey"/>, <see cref="ECDsaSecurityKey"/>, <see cref="X509SecurityKey"/> or a private <see cref="JsonWebKey"/>).</summary>
    /// <param name="key">The key; it must hold the private part.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the key's own id, else the RFC 7638 thumbprint.</param>
    /// <exception cref="ArgumentException">The key is not a private RSA (2048 bits or more) or P-256 key.</exception>
    public static ClientSigningKey FromSecurityKey(SecurityKey key, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = keyId ?? NullIfEmpty(key.KeyId);
        switch (key)
        {
            case RsaSecurityKey { Rsa: { } rsa }:
                return FromRsa(rsa, id);
            case RsaSecurityKey rsaKey:
                return FromRsa(RSA.Create(rsaKey.Parameters), id);
            case ECDsaSecurityKey ec:
                return FromEcdsa(ec.ECDsa, id);
            case X509SecurityKey x509:
                return FromCertificate(x509.Certificate, id);
            case JsonWebKey jwk when jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA && jwk.D is not null:
                return FromRsa(RSA.Create(new RSAParameters
                {
                    Modulus = Base64UrlEncoder.DecodeBytes(jwk.N),
                    Exponent = Base64UrlEncoder.DecodeBytes(jwk.E),
                    D = Base64UrlEncoder.DecodeBytes(jwk.D),
                    P = Base64UrlEncoder.DecodeBytes(jwk.P),
                    Q = Base64UrlEncoder.DecodeBytes(jwk.Q),
                    DP = Base64UrlEncoder.DecodeBytes(jwk.DP),
                    DQ = Base64UrlEncoder.DecodeBytes(jwk.DQ),
                    InverseQ = Base64UrlEncoder.DecodeBytes(jwk.QI),
                }), id);
            case JsonWebKey jwk when jwk.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && jwk.D is not null:
                return FromEcdsa(ECDsa.Create(new ECParameters
                {
                    Curve = jwk.Crv == "P-256" ? ECCurve.NamedCurves.nistP256 : throw new ArgumentException($"Only P-256 EC keys sign (ES256); this key is on '{jwk.Crv}'.", nameof(key)),
                    Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
                    D = Base64UrlEncoder.DecodeBytes(jwk.D),
                }), id);
            default:
                throw new ArgumentException($"A {key.GetType().Name} with no private RSA or EC key cannot sign request objects.", nameof(key));
        }
    }

    /// <summary>Reads a private key from a JWK (JSON) with its private members.</summary>
    /// <param name="json">One JWK, RSA or EC P-256, with <c>d</c>.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the JWK's own, else the thumbprint.</param>
    public static ClientSigningKey FromJwk(string json, string? keyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return FromSecurityKey(new JsonWebKey(json), keyId);
    }

    /// <summary>Reads a private key from a JWK file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the JWK's own, else the thumbprint.</param>
    public static ClientSigningKey FromJwkFile(string path, string? keyId = null) => FromJwk(File.ReadAllText(path), keyId);

    /// <summary>Reads a private RSA or EC key from PEM (<c>PRIVATE KEY</c>, <c>RSA PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the thumbprint.</param>
    public static ClientSigningKey FromPem(string pem, string? keyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pem);
        if (pem.Contains("EC PRIVATE KEY", StringComparison.Ordinal))
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return FromEcdsa(ec, keyId);
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return FromRsa(rsa, keyId);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }

        // A PKCS#8 "PRIVATE KEY" holds either kind.
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return FromEcdsa(ecdsa, keyId);
    }

    /// <summary>Reads a private key from a PEM file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the thumbprint.</param>
    public static ClientSigningKey FromPemFile(string path, string? keyId = null) => FromPem(File.ReadAllText(path), keyId);

    /// <summary>Takes the private key of an X.509 certificate (RSA or EC P-256).</summary>
    /// <param name="certificate">A certificate with its private key.</param>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the thumbprint of the public key.</param>
    public static ClientSigningKey FromCertificate(X509Certificate2 certificate, string? keyId = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            return FromRsa(rsa, keyId);
        }

        if (certificate.GetECDsaPrivateKey() is { } ec)
        {
            return FromEcdsa(ec, keyId);
        }

        throw new ArgumentException("The certificate has no RSA or EC private key.", nameof(certificate));
    }

    /// <summary>A new RSA 2048 key (PS256), e.g. for a key to be rotated in.</summary>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the thumbprint.</param>
    public static ClientSigningKey GenerateRsa(string? keyId = null) => FromRsa(RSA.Create(2048), keyId);

    /// <summary>A new P-256 key (ES256).</summary>
    /// <param name="keyId">The <c>kid</c>; <see langword="null"/>: the thumbprint.</param>
    public static ClientSigningKey GenerateEcdsa(string? keyId = null) => FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256), keyId);

    /// <summary>The private key as a JWK (JSON), to be kept in a secret store or a file the client alone reads.</summary>
    public string ExportPrivateJwk() => KeyJson.Write(PrivateJwk(), includePrivate: true);

    private JsonWebKey PrivateJwk() => PrivateKey switch
    {
        RsaSecurityKey rsa => KeyJson.Rsa(rsa.Rsa.ExportParameters(true), KeyId, Algorithm),
        ECDsaSecurityKey ec => KeyJson.Ec(ec.ECDsa.ExportParameters(true), KeyId, Algorithm),
        _ => throw new InvalidOperationException("Unexpected key type."),
    };

    private static ClientSigningKey FromRsa(RSA rsa, string? keyId)
    {
        // RFC 7518 §3.5 with FAPI 2.0 Security Profile §5.4.1: RSA keys of at least 2048 bits.
        if (rsa.KeySize < 2048)
        {
            throw new ArgumentException($"RSA keys sign from 2048 bits on; this one has {rsa.KeySize}.", nameof(rsa));
        }

        var parameters = rsa.ExportParameters(false);
        var publicKey = KeyJson.Rsa(parameters, keyId, JarAlgorithms.PS256);
        var id = keyId ?? Thumbprint(publicKey);
        publicKey.Kid = id;
        return new ClientSigningKey(id, JarAlgorithms.PS256, new RsaSecurityKey(rsa) { KeyId = id }, publicKey);
    }

    private static ClientSigningKey FromEcdsa(ECDsa ecdsa, string? keyId)
    {
        var parameters = ecdsa.ExportParameters(false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value && parameters.Curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
        {
            throw new ArgumentException("Only P-256 EC keys sign (ES256).", nameof(ecdsa));
        }

        var publicKey = KeyJson.Ec(parameters, keyId, JarAlgorithms.ES256);
        var id = keyId ?? Thumbprint(publicKey);
        publicKey.Kid = id;
        return new ClientSigningKey(id, JarAlgorithms.ES256, new ECDsaSecurityKey(ecdsa) { KeyId = id }, publicKey);
    }

    // RFC 7638 §3: the SHA-256 thumbprint of the required public members, base64url.
    private static string Thumbprint(JsonWebKey publicKey) => Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
