using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>What the key checks share: reading a JWK's kind and size.</summary>
internal static class KeyChecks
{
    public static string Describe(JsonWebKey key) => key.Kid is { Length: > 0 } kid ? $"key '{kid}'" : $"a {key.Kty} key without kid";

    public static bool IsRsa(JsonWebKey key) => string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.RSA, StringComparison.Ordinal);

    public static bool IsSymmetric(JsonWebKey key) => string.Equals(key.Kty, JsonWebAlgorithmsKeyTypes.Octet, StringComparison.Ordinal);

    /// <summary>The RSA modulus size in bits (leading zero octets not counted); 0 when <c>n</c> is missing or malformed.</summary>
    public static int RsaBits(JsonWebKey key)
    {
        if (string.IsNullOrEmpty(key.N))
        {
            return 0;
        }

        try
        {
            var modulus = Base64UrlEncoder.DecodeBytes(key.N).AsSpan().TrimStart((byte)0);
            return modulus.Length == 0 ? 0 : ((modulus.Length - 1) * 8) + 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]);
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
