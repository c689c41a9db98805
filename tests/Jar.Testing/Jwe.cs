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
    public static string RsaOaep256(string plaintext, RSA recipient, string? kid, Action<JsonObject>? header = null)
    {
        var cek = RandomNumberGenerator.GetBytes(32);
        var protectedHeader = new JsonObject { ["alg"] = "RSA-OAEP-256", ["enc"] = "A256GCM", ["cty"] = "JWT" };
        if (kid is not null)
        {
            protectedHeader["kid"] = kid;
        }

        header?.Invoke(protectedHeader);
        return Seal(protectedHeader, recipient.Encrypt(cek, RSAEncryptionPadding.OaepSHA256), cek, plaintext);
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
        return Seal(protectedHeader, [], cek, plaintext);
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

    private static string Seal(JsonObject protectedHeader, byte[] encryptedKey, byte[] cek, string plaintext)
    {
        var encodedHeader = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(protectedHeader.ToJsonString()));
        var iv = RandomNumberGenerator.GetBytes(12);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var ciphertext = new byte[clear.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(cek, 16))
        {
            gcm.Encrypt(iv, clear, ciphertext, tag, Encoding.ASCII.GetBytes(encodedHeader));
        }

        return string.Join('.', encodedHeader, Base64UrlEncoder.Encode(encryptedKey), Base64UrlEncoder.Encode(iv),
            Base64UrlEncoder.Encode(ciphertext), Base64UrlEncoder.Encode(tag));
    }

    private static string CurveName(int keySize) => keySize switch
    {
        256 => "P-256",
        384 => "P-384",
        _ => "P-521",
    };
}
