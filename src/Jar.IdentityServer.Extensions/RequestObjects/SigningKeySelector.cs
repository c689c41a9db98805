using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// Chooses the client's keys that may verify an object signed with a given algorithm. Only the client's own
/// registered keys count (RFC 9101 §6.2); a key embedded in or referenced by the header is never used.
/// </summary>
internal static class SigningKeySelector
{
    public enum Outcome
    {
        Found,
        KeyIdUnknown,
        NoUsableKey,
    }

    public static Outcome Select(JarClient client, string algorithm, string? keyId, List<SecurityKey> selected)
    {
        if (algorithm.StartsWith("HS", StringComparison.Ordinal))
        {
            // An HMAC key is only ever the client's own secret, never a symmetric JWK from the key set.
            if (client.SharedSecret is { } secret && secret.Length * 8 >= MinimumHmacBits(algorithm))
            {
                selected.Add(new SymmetricSecurityKey(secret.ToArray()));
                return Outcome.Found;
            }

            return Outcome.NoUsableKey;
        }

        var named = false;
        foreach (var key in client.SigningKeys)
        {
            if (keyId is not null)
            {
                // RFC 9101 §6.2: a named key must be the key used and must be the client's: no fallback to others.
                if (!string.Equals(key.Kid, keyId, StringComparison.Ordinal))
                {
                    continue;
                }

                named = true;
            }

            if (Fits(key, algorithm))
            {
                selected.Add(key);
            }
        }

        return selected.Count > 0 ? Outcome.Found : keyId is not null && !named ? Outcome.KeyIdUnknown : Outcome.NoUsableKey;
    }

    private static bool Fits(JsonWebKey key, string algorithm)
    {
        if (key.Use is { Length: > 0 } use && !string.Equals(use, JsonWebKeyUseNames.Sig, StringComparison.Ordinal))
        {
            return false;
        }

        if (key.KeyOps.Count > 0 && !key.KeyOps.Contains("verify"))
        {
            return false;
        }

        // A key registered for one algorithm verifies that algorithm only (OpenID Connect Registration §2).
        if (key.Alg is { Length: > 0 } alg && !string.Equals(alg, algorithm, StringComparison.Ordinal))
        {
            return false;
        }

        return algorithm switch
        {
            // FAPI 2.0 Security Profile §5.4.1: RSA keys of at least 2048 bits.
            "PS256" or "PS384" or "PS512" or "RS256" or "RS384" or "RS512" =>
                key.Kty == JsonWebAlgorithmsKeyTypes.RSA && key.KeySize >= 2048,
            "ES256" => IsCurve(key, JsonWebKeyECTypes.P256),
            "ES384" => IsCurve(key, JsonWebKeyECTypes.P384),
            "ES512" => IsCurve(key, JsonWebKeyECTypes.P521),
            _ => false,
        };
    }

    private static bool IsCurve(JsonWebKey key, string curve) =>
        key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && string.Equals(key.Crv, curve, StringComparison.Ordinal);

    // RFC 7518 §3.2: a key of at least the hash's size.
    private static int MinimumHmacBits(string algorithm) => algorithm switch
    {
        "HS384" => 384,
        "HS512" => 512,
        _ => 256,
    };
}
