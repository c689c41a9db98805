using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// An independent judge of an accepted request object: it reads the compact serialization on its own (System.Text.Json,
/// not the engine's reader), builds the client's registered keys on its own (from the JWK's parameters), and asks
/// Microsoft.IdentityModel's <see cref="CryptoProviderFactory"/>, uncached, whether the signature verifies over the
/// exact <c>header.payload</c> sent (RFC 7515 §5.2).
/// </summary>
internal static class SignatureOracle
{
    private static readonly CryptoProviderFactory Crypto = new() { CacheSignatureProviders = false };

    private static readonly ConcurrentDictionary<JsonWebKey, SecurityKey> Keys = new(ReferenceEqualityComparer.Instance);

    // JWT claims about the object itself; sub never names the user (RFC 9101 §10.8), so it is not a parameter either.
    private static readonly string[] EnvelopeClaims = ["iss", "aud", "exp", "nbf", "iat", "jti", "sub"];

    /// <summary>
    /// Null when the signature verifies with the header's <c>alg</c>, which the policy allows, under a key registered
    /// for the client (the one the <c>kid</c> names, when there is one) or the client's own secret for HMAC;
    /// otherwise why it does not.
    /// </summary>
    public static string? WhyNotVerified(string compact, IReadOnlyList<JsonWebKey> registeredKeys, byte[]? sharedSecret, IReadOnlySet<string> allowedAlgorithms)
    {
        var parts = compact.Split('.');
        if (parts.Length != 3)
        {
            return $"it has {parts.Length} segments, not 3";
        }

        if (Decode(parts[0]) is not { } headerBytes || Decode(parts[2]) is not { } signature)
        {
            return "its header or signature is not base64url";
        }

        string algorithm;
        string? kid = null;
        try
        {
            using var header = JsonDocument.Parse(headerBytes);
            if (header.RootElement.ValueKind != JsonValueKind.Object ||
                !header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
            {
                return "its header has no string alg";
            }

            algorithm = alg.GetString()!;
            if (header.RootElement.TryGetProperty("kid", out var k))
            {
                if (k.ValueKind != JsonValueKind.String)
                {
                    return "its kid is not a string";
                }

                kid = k.GetString();
            }
        }
        catch (JsonException)
        {
            return "its header is not JSON";
        }

        if (algorithm == "none" || !allowedAlgorithms.Contains(algorithm))
        {
            return $"alg {algorithm} is not allowed for the client";
        }

        var input = Encoding.UTF8.GetBytes(parts[0] + "." + parts[1]);
        if (algorithm.StartsWith("HS", StringComparison.Ordinal))
        {
            return sharedSecret is not null && Verifies(new SymmetricSecurityKey(sharedSecret), algorithm, input, signature)
                ? null
                : $"no secret of the client verifies {algorithm}";
        }

        foreach (var jwk in registeredKeys)
        {
            if ((kid is null || jwk.Kid == kid) && Verifies(Keys.GetOrAdd(jwk, Build), algorithm, input, signature))
            {
                return null;
            }
        }

        return $"no key registered for the client verifies it ({algorithm}, kid {kid ?? "(none)"})";
    }

    /// <summary>
    /// The authorization parameters the object carries: every member but the JWT envelope claims, strings as their
    /// value and anything else as its JSON text. Null, with the reason, when the payload is not a JSON object with
    /// unique member names.
    /// </summary>
    public static Dictionary<string, string>? Parameters(string compact, out string? problem)
    {
        var parts = compact.Split('.');
        if (parts.Length != 3 || Decode(parts[1]) is not { } payload)
        {
            problem = "the payload segment cannot be read";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the payload is not a JSON object";
                return null;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!names.Add(member.Name))
                {
                    problem = $"the payload names '{member.Name}' twice";
                    return null;
                }

                if (!EnvelopeClaims.Contains(member.Name))
                {
                    parameters[member.Name] = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText();
                }
            }

            problem = null;
            return parameters;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = "the payload is not UTF-8 JSON: " + e.Message;
            return null;
        }
    }

    private static byte[]? Decode(string segment)
    {
        try
        {
            return Base64UrlEncoder.DecodeBytes(segment);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static bool Verifies(SecurityKey key, string algorithm, byte[] input, byte[] signature)
    {
        if (!Crypto.IsSupportedAlgorithm(algorithm, key))
        {
            return false;
        }

        var provider = Crypto.CreateForVerifying(key, algorithm);
        try
        {
            return provider.Verify(input, signature);
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            Crypto.ReleaseSignatureProvider(provider);
        }
    }

    /// <summary>The public key from the JWK's own parameters (RFC 7518 §6.2, §6.3), not through the engine's path.</summary>
    private static SecurityKey Build(JsonWebKey jwk) => jwk.Kty switch
    {
        "RSA" => new RsaSecurityKey(RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) })) { KeyId = jwk.Kid },
        "EC" => new ECDsaSecurityKey(ECDsa.Create(new ECParameters
        {
            Curve = jwk.Crv switch
            {
                "P-256" => ECCurve.NamedCurves.nistP256,
                "P-384" => ECCurve.NamedCurves.nistP384,
                _ => ECCurve.NamedCurves.nistP521,
            },
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
        })) { KeyId = jwk.Kid },
        _ => throw new NotSupportedException($"The fixture registers no {jwk.Kty} keys."),
    };
}
