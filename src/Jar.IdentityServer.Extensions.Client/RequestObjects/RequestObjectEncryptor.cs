using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.RequestObjects;

/// <summary>
/// Encrypts a signed request object to the server (a nested JWT, RFC 9101 §6.1 and RFC 7519 §5.2): compact JWE
/// (RFC 7516 §3.1) with <c>RSA-OAEP-256</c> or <c>ECDH-ES</c> key management and <c>A256GCM</c> content encryption,
/// to a key the server publishes with <c>use: enc</c>.
/// </summary>
/// <remarks>
/// Microsoft.IdentityModel 8.23 produces none of these algorithms, so the JWE is composed here over .NET's own
/// primitives (RSA with OAEP-SHA-256, ECDiffieHellman, AesGcm); no primitive is implemented here.
/// </remarks>
public static class RequestObjectEncryptor
{
    private const int KeyBytes = 32;

    /// <summary>
    /// The key management algorithm for <paramref name="recipient"/>: its <c>alg</c> when it names one of the two,
    /// else <c>RSA-OAEP-256</c> for an RSA key and <c>ECDH-ES</c> for an EC key; <see langword="null"/> for any other key.
    /// </summary>
    /// <param name="recipient">A public key of the server.</param>
    public static string? AlgorithmFor(JsonWebKey recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return (recipient.Kty, recipient.Alg) switch
        {
            (JsonWebAlgorithmsKeyTypes.RSA, null or "" or JarAlgorithms.RsaOaep256) => JarAlgorithms.RsaOaep256,
            (JsonWebAlgorithmsKeyTypes.EllipticCurve, null or "" or JarAlgorithms.EcdhEs) => JarAlgorithms.EcdhEs,
            _ => null,
        };
    }

    /// <summary>Encrypts <paramref name="signedRequestObject"/> to <paramref name="recipient"/>.</summary>
    /// <param name="signedRequestObject">The compact JWS the client signed.</param>
    /// <param name="recipient">The server's public encryption key (RSA of 2048 bits or more, or EC P-256/384/521).</param>
    /// <returns>The compact JWE; its header names the key (<c>kid</c>) and says the content is a JWT (<c>cty</c>).</returns>
    public static string Encrypt(string signedRequestObject, JsonWebKey recipient)
    {
        ArgumentException.ThrowIfNullOrEmpty(signedRequestObject);
        var algorithm = AlgorithmFor(recipient)
            ?? throw new ArgumentException($"Key '{recipient.Kid}' ({recipient.Kty}, alg '{recipient.Alg}') is not an RSA-OAEP-256 or ECDH-ES key.", nameof(recipient));
        return algorithm == JarAlgorithms.RsaOaep256
            ? EncryptRsa(signedRequestObject, recipient)
            : EncryptEcdh(signedRequestObject, recipient);
    }

    private static string EncryptRsa(string plaintext, JsonWebKey recipient)
    {
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(recipient.N), Exponent = Base64UrlEncoder.DecodeBytes(recipient.E) });
        if (rsa.KeySize < 2048)
        {
            throw new ArgumentException($"The server's RSA key '{recipient.Kid}' has {rsa.KeySize} bits; 2048 at least are needed.", nameof(recipient));
        }

        var cek = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            var header = Header(JarAlgorithms.RsaOaep256, recipient.Kid, null);
            return Seal(header, rsa.Encrypt(cek, RSAEncryptionPadding.OaepSHA256), cek, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cek);
        }
    }

    // RFC 7518 §4.6: an ephemeral key on the recipient's curve, Z by ECDH, the CEK by the Concat KDF (NIST SP 800-56A
    // §5.8.1) with SHA-256 over AlgorithmID = "A256GCM" (direct agreement), empty apu/apv and keydatalen 256.
    private static string EncryptEcdh(string plaintext, JsonWebKey recipient)
    {
        var curve = recipient.Crv switch
        {
            "P-256" => ECCurve.NamedCurves.nistP256,
            "P-384" => ECCurve.NamedCurves.nistP384,
            "P-521" => ECCurve.NamedCurves.nistP521,
            _ => throw new ArgumentException($"The server's EC key '{recipient.Kid}' is on unsupported curve '{recipient.Crv}'.", nameof(recipient)),
        };
        using var peer = ECDiffieHellman.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(recipient.X), Y = Base64UrlEncoder.DecodeBytes(recipient.Y) } });
        using var ephemeral = ECDiffieHellman.Create(curve);
        var point = ephemeral.ExportParameters(false).Q;
        var header = Header(JarAlgorithms.EcdhEs, recipient.Kid, (recipient.Crv!, point));

        var algorithmId = Encoding.ASCII.GetBytes(JarAlgorithms.A256Gcm);
        var otherInfo = new byte[4 + algorithmId.Length + 4 + 4 + 4];
        BinaryPrimitives.WriteInt32BigEndian(otherInfo, algorithmId.Length);
        algorithmId.CopyTo(otherInfo, 4);
        BinaryPrimitives.WriteInt32BigEndian(otherInfo.AsSpan(otherInfo.Length - 4), KeyBytes * 8);
        var cek = ephemeral.DeriveKeyFromHash(peer.PublicKey, HashAlgorithmName.SHA256, [0, 0, 0, 1], otherInfo);
        try
        {
            return Seal(header, [], cek, plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cek);
        }
    }

    private static string Header(string algorithm, string? keyId, (string Curve, ECPoint Point)? ephemeral)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", algorithm);
            writer.WriteString("enc", JarAlgorithms.A256Gcm);
            // RFC 7516 §4.1.12 with RFC 7519 §5.2: the plaintext is itself a JWT.
            writer.WriteString("cty", "JWT");
            if (!string.IsNullOrEmpty(keyId))
            {
                writer.WriteString("kid", keyId);
            }

            if (ephemeral is { } epk)
            {
                writer.WriteStartObject("epk");
                writer.WriteString("kty", "EC");
                writer.WriteString("crv", epk.Curve);
                writer.WriteString("x", Base64UrlEncoder.Encode(epk.Point.X));
                writer.WriteString("y", Base64UrlEncoder.Encode(epk.Point.Y));
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Base64UrlEncoder.Encode(buffer.ToArray());
    }

    // RFC 7516 §5.1 steps 11-19: a fresh 96-bit IV, the encoded protected header as the additional authenticated data.
    private static string Seal(string encodedHeader, byte[] encryptedKey, byte[] cek, string plaintext)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var iv = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[clear.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(cek, tag.Length))
        {
            gcm.Encrypt(iv, clear, ciphertext, tag, Encoding.ASCII.GetBytes(encodedHeader));
        }

        return string.Join('.', encodedHeader, Base64UrlEncoder.Encode(encryptedKey), Base64UrlEncoder.Encode(iv),
            Base64UrlEncoder.Encode(ciphertext), Base64UrlEncoder.Encode(tag));
    }
}
