using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// The server's private keys for encrypted request objects, converted once from the configured JSON Web Keys:
/// RSA keys for RSA-OAEP-256 and EC keys (P-256, P-384, P-521) for ECDH-ES.
/// </summary>
internal sealed class DecryptionKeyRing : IDisposable
{
    private DecryptionKeyRing(IReadOnlyList<Entry> entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<Entry> Entries { get; }

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>Converts private JWKs; throws <see cref="ArgumentException"/> naming the key that cannot serve.</summary>
    public static DecryptionKeyRing Create(IEnumerable<JsonWebKey> keys)
    {
        var entries = new List<Entry>();
        foreach (var jwk in keys)
        {
            entries.Add(jwk.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => RsaEntry(jwk),
                JsonWebAlgorithmsKeyTypes.EllipticCurve => EcEntry(jwk),
                _ => throw new ArgumentException($"Decryption key '{jwk.Kid}': only RSA and EC keys can decrypt request objects."),
            });
        }

        return new DecryptionKeyRing(entries);
    }

    public void Dispose()
    {
        foreach (var entry in Entries)
        {
            entry.Rsa?.Dispose();
            entry.Ecdh?.Dispose();
        }
    }

    private static Entry RsaEntry(JsonWebKey jwk)
    {
        if (string.IsNullOrEmpty(jwk.D) || string.IsNullOrEmpty(jwk.P) || string.IsNullOrEmpty(jwk.Q))
        {
            throw new ArgumentException($"Decryption key '{jwk.Kid}': an RSA decryption key needs its private parts (d, p, q, dp, dq, qi).");
        }

        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64UrlEncoder.DecodeBytes(jwk.N),
            Exponent = Base64UrlEncoder.DecodeBytes(jwk.E),
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
            P = Base64UrlEncoder.DecodeBytes(jwk.P),
            Q = Base64UrlEncoder.DecodeBytes(jwk.Q),
            DP = Base64UrlEncoder.DecodeBytes(jwk.DP),
            DQ = Base64UrlEncoder.DecodeBytes(jwk.DQ),
            InverseQ = Base64UrlEncoder.DecodeBytes(jwk.QI),
        });
        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new ArgumentException($"Decryption key '{jwk.Kid}': RSA keys must have at least 2048 bits.");
        }

        return new Entry(jwk.Kid, "RSA-OAEP-256", rsa, null, null);
    }

    private static Entry EcEntry(JsonWebKey jwk)
    {
        if (string.IsNullOrEmpty(jwk.D))
        {
            throw new ArgumentException($"Decryption key '{jwk.Kid}': an EC decryption key needs its private part (d).");
        }

        var curve = Curve(jwk.Crv) ?? throw new ArgumentException($"Decryption key '{jwk.Kid}': curve '{jwk.Crv}' is not P-256, P-384 or P-521.");
        var ecdh = ECDiffieHellman.Create(new ECParameters
        {
            Curve = curve,
            D = Base64UrlEncoder.DecodeBytes(jwk.D),
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
        });
        return new Entry(jwk.Kid, "ECDH-ES", null, ecdh, jwk.Crv);
    }

    internal static ECCurve? Curve(string? crv) => crv switch
    {
        JsonWebKeyECTypes.P256 => ECCurve.NamedCurves.nistP256,
        JsonWebKeyECTypes.P384 => ECCurve.NamedCurves.nistP384,
        JsonWebKeyECTypes.P521 => ECCurve.NamedCurves.nistP521,
        _ => null,
    };

    /// <summary>One key: its kid, the one JWE algorithm it serves, and its private key.</summary>
    internal sealed record Entry(string? KeyId, string Algorithm, RSA? Rsa, ECDiffieHellman? Ecdh, string? Curve);
}
