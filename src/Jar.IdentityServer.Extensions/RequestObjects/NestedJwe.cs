using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// Decrypts a nested request object (RFC 9101 §6.1, RFC 7516 §5.2): a compact JWE whose plaintext is the client's
/// signed request object. Key management RSA-OAEP-256 or ECDH-ES (direct key agreement, RFC 7518 §4.6), content
/// encryption A256GCM.
/// </summary>
/// <remarks>
/// Microsoft.IdentityModel 8.23 decrypts neither RSA-OAEP-256 nor ECDH-ES nor AES-GCM content (measured: IDX10609),
/// so the JOSE composition is done here over .NET's own primitives (RSA OAEP-SHA-256, ECDiffieHellman, AesGcm). No
/// primitive is implemented here. Every decryption failure answers the same, and a failed RSA unwrap continues with a
/// random key (RFC 7516 §11.5), so the answer reveals nothing about which step failed.
/// </remarks>
internal static class NestedJwe
{
    public const string ContentEncryption = "A256GCM";
    private const int KeyBytes = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public enum Outcome
    {
        Decrypted,
        Malformed,
        NotAllowed,
        Failed,
    }

    public static Outcome TryDecrypt(string jwe, DecryptionKeyRing keys, IReadOnlySet<string> allowedAlgorithms, out string? plaintext)
    {
        plaintext = null;
        var parts = jwe.Split('.');
        if (parts.Length != 5 || parts[0].Length == 0 || parts[2].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0 ||
            !Array.TrueForAll(parts, p => CompactJws.IsCanonicalBase64Url(p)))
        {
            return Outcome.Malformed;
        }

        Header? header;
        try
        {
            header = Header.Read(Base64UrlEncoder.DecodeBytes(parts[0]));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return Outcome.Malformed;
        }

        if (header is null)
        {
            return Outcome.Malformed;
        }

        // JAR §6.1 with FAPI 1.0 Advanced §8.6.1: only advertised algorithms (never RSA1_5); no compression (a
        // decompression bomb) and no critical extensions (RFC 7516 §4.1.13).
        if (!allowedAlgorithms.Contains(header.Algorithm) || header.Encryption != ContentEncryption || header.HasUnsupportedMembers)
        {
            return Outcome.NotAllowed;
        }

        var encryptedKey = Base64UrlEncoder.DecodeBytes(parts[1]);
        var iv = Base64UrlEncoder.DecodeBytes(parts[2]);
        var ciphertext = Base64UrlEncoder.DecodeBytes(parts[3]);
        var tag = Base64UrlEncoder.DecodeBytes(parts[4]);
        if (iv.Length != 12 || tag.Length != 16 || (header.Algorithm == "ECDH-ES") != (encryptedKey.Length == 0))
        {
            return Outcome.Malformed;
        }

        var aad = Encoding.ASCII.GetBytes(parts[0]);
        foreach (var key in keys.Entries)
        {
            if (key.Algorithm != header.Algorithm || (header.KeyId is not null && !string.Equals(key.KeyId, header.KeyId, StringComparison.Ordinal)))
            {
                continue;
            }

            var cek = key.Rsa is not null ? UnwrapRsa(key.Rsa, encryptedKey) : AgreeEcdh(key, header);
            if (cek is null)
            {
                continue;
            }

            var decrypted = new byte[ciphertext.Length];
            try
            {
                using var gcm = new AesGcm(cek, tagSizeInBytes: 16);
                gcm.Decrypt(iv, ciphertext, tag, decrypted, aad);
            }
            catch (CryptographicException)
            {
                continue;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(cek);
            }

            try
            {
                plaintext = StrictUtf8.GetString(decrypted);
            }
            catch (ArgumentException)
            {
                return Outcome.Malformed;
            }

            return Outcome.Decrypted;
        }

        return Outcome.Failed;
    }

    private static byte[] UnwrapRsa(RSA rsa, byte[] encryptedKey)
    {
        try
        {
            var cek = rsa.Decrypt(encryptedKey, RSAEncryptionPadding.OaepSHA256);
            if (cek.Length == KeyBytes)
            {
                return cek;
            }
        }
        catch (CryptographicException)
        {
            // RFC 7516 §11.5: go on with a random key, so that a bad wrap and a bad tag look alike.
        }

        return RandomNumberGenerator.GetBytes(KeyBytes);
    }

    // RFC 7518 §4.6: Z from ECDH with the sender's ephemeral key, then the Concat KDF (NIST SP 800-56A §5.8.1) with
    // SHA-256; one round yields the 256 bits A256GCM needs.
    private static byte[]? AgreeEcdh(DecryptionKeyRing.Entry key, Header header)
    {
        if (header.EphemeralKey is not { } epk || epk.Curve != key.Curve || DecryptionKeyRing.Curve(epk.Curve) is not { } curve)
        {
            return null;
        }

        try
        {
            // Importing validates that the point is on the curve (no invalid-curve attack).
            using var peer = ECDiffieHellman.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = epk.X, Y = epk.Y } });
            var otherInfo = OtherInfo(header);
            return key.Ecdh!.DeriveKeyFromHash(peer.PublicKey, HashAlgorithmName.SHA256, [0, 0, 0, 1], otherInfo);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static byte[] OtherInfo(Header header)
    {
        var algorithmId = Encoding.ASCII.GetBytes(ContentEncryption);
        var info = new byte[4 + algorithmId.Length + 4 + header.PartyUInfo.Length + 4 + header.PartyVInfo.Length + 4];
        var span = info.AsSpan();
        span = WriteLengthPrefixed(span, algorithmId);
        span = WriteLengthPrefixed(span, header.PartyUInfo);
        span = WriteLengthPrefixed(span, header.PartyVInfo);
        BinaryPrimitives.WriteInt32BigEndian(span, KeyBytes * 8);
        return info;
    }

    private static Span<byte> WriteLengthPrefixed(Span<byte> destination, byte[] value)
    {
        BinaryPrimitives.WriteInt32BigEndian(destination, value.Length);
        value.CopyTo(destination[4..]);
        return destination[(4 + value.Length)..];
    }

    private sealed record EphemeralKey(string Curve, byte[] X, byte[] Y);

    private sealed record Header(string Algorithm, string Encryption, string? KeyId, EphemeralKey? EphemeralKey, byte[] PartyUInfo, byte[] PartyVInfo, bool HasUnsupportedMembers)
    {
        public static Header? Read(byte[] json)
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!names.Add(member.Name))
                {
                    return null;
                }
            }

            if (String(root, "alg") is not { } alg || String(root, "enc") is not { } enc)
            {
                return null;
            }

            EphemeralKey? epk = null;
            if (root.TryGetProperty("epk", out var e))
            {
                if (e.ValueKind != JsonValueKind.Object || String(e, "kty") != "EC" || String(e, "crv") is not { } crv ||
                    String(e, "x") is not { } x || String(e, "y") is not { } y || e.TryGetProperty("d", out _))
                {
                    return null;
                }

                epk = new EphemeralKey(crv, Base64UrlEncoder.DecodeBytes(x), Base64UrlEncoder.DecodeBytes(y));
            }

            return new Header(
                alg,
                enc,
                root.TryGetProperty("kid", out _) ? String(root, "kid") ?? throw new FormatException() : null,
                epk,
                Bytes(root, "apu"),
                Bytes(root, "apv"),
                root.TryGetProperty("zip", out _) || root.TryGetProperty("crit", out _));
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static byte[] Bytes(JsonElement element, string name) =>
            String(element, name) is { } text ? Base64UrlEncoder.DecodeBytes(text) : [];
    }
}
