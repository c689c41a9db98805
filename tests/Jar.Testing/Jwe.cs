using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>
/// The client side of a nested request object: encrypts a signed object to a server key as a compact JWE
/// (RFC 7516 §5.1). Written over .NET's primitives, since Microsoft.IdentityModel cannot produce RSA-OAEP-256,
/// ECDH-ES or A256GCM; each knob breaks one thing on purpose.
/// </summary>
public static class Jwe
{
    /// <summary>RSA-OAEP-256 key wrap, A256GCM content encryption.</summary>
    public static string RsaOaep256(string plaintext, RSA recipient, string? kid, Action<JsonObject>? header = null) =>
        Rsa(plaintext, recipient, kid, "RSA-OAEP-256", "A256GCM", header);

    /// <summary>
    /// RSA key transport under <paramref name="algorithm"/> (RFC 7518 §4.2 <c>RSA1_5</c>, §4.3 <c>RSA-OAEP</c> and
    /// <c>RSA-OAEP-256</c>) and content encryption <paramref name="contentEncryption"/> (<c>A256GCM</c>, or
    /// <c>A128CBC-HS256</c>, RFC 7518 §5.2.3): built for real, so a server that accepted the algorithm would decrypt it.
    /// </summary>
    public static string Rsa(string plaintext, RSA recipient, string? kid, string algorithm, string contentEncryption, Action<JsonObject>? header = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var padding = algorithm switch
        {
            "RSA1_5" => RSAEncryptionPadding.Pkcs1,
            "RSA-OAEP" => RSAEncryptionPadding.OaepSHA1,
            "RSA-OAEP-256" => RSAEncryptionPadding.OaepSHA256,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not an RSA key transport algorithm."),
        };
        var cek = RandomNumberGenerator.GetBytes(32);
        var protectedHeader = new JsonObject { ["alg"] = algorithm, ["enc"] = contentEncryption, ["cty"] = "JWT" };
        if (kid is not null)
        {
            protectedHeader["kid"] = kid;
        }

        header?.Invoke(protectedHeader);
        return Seal(protectedHeader, recipient.Encrypt(cek, padding), cek, plaintext, contentEncryption);
    }

    /// <summary>ECDH-ES direct key agreement (RFC 7518 §4.6) with an ephemeral key on the recipient's curve, A256GCM.</summary>
    public static string EcdhEs(string plaintext, ECDiffieHellman recipient, string? kid, Action<JsonObject>? header = null, ECCurve? ephemeralCurve = null)
    {
        using var ephemeral = ECDiffieHellman.Create(ephemeralCurve ?? recipient.ExportParameters(false).Curve);
        var point = ephemeral.ExportParameters(false).Q;
        var protectedHeader = new JsonObject
        {
            ["alg"] = "ECDH-ES",
            ["enc"] = "A256GCM",
            ["cty"] = "JWT",
            ["epk"] = new JsonObject
            {
                ["kty"] = "EC",
                ["crv"] = CurveName(ephemeral.KeySize),
                ["x"] = Base64UrlEncoder.Encode(point.X),
                ["y"] = Base64UrlEncoder.Encode(point.Y),
            },
        };
        if (kid is not null)
        {
            protectedHeader["kid"] = kid;
        }

        header?.Invoke(protectedHeader);
        var otherInfo = new byte[4 + 7 + 4 + 4 + 4];
        BinaryPrimitives.WriteInt32BigEndian(otherInfo, 7);
        Encoding.ASCII.GetBytes("A256GCM").CopyTo(otherInfo, 4);
        BinaryPrimitives.WriteInt32BigEndian(otherInfo.AsSpan(19), 256);
        // With an ephemeral key on another curve no agreement exists: the sender can only guess a key.
        var cek = ephemeralCurve is null
            ? ephemeral.DeriveKeyFromHash(recipient.PublicKey, HashAlgorithmName.SHA256, [0, 0, 0, 1], otherInfo)
            : RandomNumberGenerator.GetBytes(32);
        return Seal(protectedHeader, [], cek, plaintext, "A256GCM");
    }

    /// <summary>Flips one bit of the segment at <paramref name="index"/> (0 header .. 4 tag), keeping canonical base64url.</summary>
    public static string Tamper(string jwe, int index)
    {
        var parts = jwe.Split('.');
        var bytes = Base64UrlEncoder.DecodeBytes(parts[index]);
        bytes[bytes.Length / 2] ^= 0x01;
        parts[index] = Base64UrlEncoder.Encode(bytes);
        return string.Join('.', parts);
    }

    private static string Seal(JsonObject protectedHeader, byte[] encryptedKey, byte[] cek, string plaintext, string contentEncryption)
    {
        var encodedHeader = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(protectedHeader.ToJsonString()));
        var aad = Encoding.ASCII.GetBytes(encodedHeader);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var (iv, ciphertext, tag) = contentEncryption switch
        {
            "A256GCM" => Gcm(cek, clear, aad),
            "A128CBC-HS256" => CbcHmac(cek, clear, aad),
            _ => throw new ArgumentOutOfRangeException(nameof(contentEncryption), contentEncryption, "Not a content encryption this builder makes."),
        };

        return string.Join('.', encodedHeader, Base64UrlEncoder.Encode(encryptedKey), Base64UrlEncoder.Encode(iv),
            Base64UrlEncoder.Encode(ciphertext), Base64UrlEncoder.Encode(tag));
    }

    private static (byte[] Iv, byte[] Ciphertext, byte[] Tag) Gcm(byte[] cek, byte[] clear, byte[] aad)
    {
        var iv = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[clear.Length];
        var tag = new byte[16];
        using var gcm = new AesGcm(cek, 16);
        gcm.Encrypt(iv, clear, ciphertext, tag, aad);
        return (iv, ciphertext, tag);
    }

    // RFC 7518 §5.2.2.1: MAC_KEY is the first half of the CEK, ENC_KEY the second; the tag is the first half of
    // HMAC-SHA-256 over AAD || IV || ciphertext || AL (the AAD's length in bits, 64-bit big-endian).
    private static (byte[] Iv, byte[] Ciphertext, byte[] Tag) CbcHmac(byte[] cek, byte[] clear, byte[] aad)
    {
        var iv = RandomNumberGenerator.GetBytes(16);
        using var aes = Aes.Create();
        aes.Key = cek[16..];
        var ciphertext = aes.EncryptCbc(clear, iv, PaddingMode.PKCS7);
        var al = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(al, aad.Length * 8L);
        byte[] macInput = [.. aad, .. iv, .. ciphertext, .. al];
        var mac = HMACSHA256.HashData(cek[..16], macInput);
        return (iv, ciphertext, mac[..16]);
    }

    private static string CurveName(int keySize) => keySize switch
    {
        256 => "P-256",
        384 => "P-384",
        _ => "P-521",
    };
}
