using System.Numerics;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// How an input is signed: the header's <c>alg</c> and <c>kid</c> it starts from (null removes the member), and the
/// signature over the final signing input. The signature is always Microsoft.IdentityModel's or .NET's, never hand-made.
/// </summary>
internal sealed record Signer(string Name, string? Algorithm, string? Kid, Func<byte[], byte[]> Sign)
{
    // No provider cache: the attacker's key may carry the client's kid, and each signature must come from the key given.
    private static readonly CryptoProviderFactory Crypto = new() { CacheSignatureProviders = false };

    /// <summary>P-256's group order, for the other valid ECDSA signature (r, n - s) of the same message.</summary>
    private static readonly BigInteger P256Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);

    public override string ToString() => Name;

    public static byte[] With(SecurityKey key, string algorithm, byte[] input)
    {
        if (key is SymmetricSecurityKey symmetric)
        {
            // .NET's HMAC, which (unlike Microsoft.IdentityModel's) signs with a key shorter than the hash, as a careless client would.
            return algorithm switch
            {
                SecurityAlgorithms.HmacSha384 => HMACSHA384.HashData(symmetric.Key, input),
                SecurityAlgorithms.HmacSha512 => HMACSHA512.HashData(symmetric.Key, input),
                _ => HMACSHA256.HashData(symmetric.Key, input),
            };
        }

        var provider = Crypto.CreateForSigning(key, algorithm);
        try
        {
            return provider.Sign(input);
        }
        finally
        {
            Crypto.ReleaseSignatureProvider(provider);
        }
    }

    /// <summary>An ES256 signature in ASN.1 DER (RFC 3279) instead of JWS's R || S (RFC 7518 §3.4).</summary>
    public static byte[] Der(ECDsaSecurityKey key, byte[] input) =>
        key.ECDsa.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>An ES256 signature turned into its twin (r, n - s): still valid for the same key and message.</summary>
    public static byte[] Malleated(ECDsaSecurityKey key, byte[] input)
    {
        var signature = With(key, SecurityAlgorithms.EcdsaSha256, input);
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = (P256Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var result = signature[..32].Concat(new byte[32 - twin.Length]).Concat(twin).ToArray();
        return result;
    }
}
