using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.Keys;

/// <summary>JWKs built from .NET key parameters and written as JSON (RFC 7517 §4, RFC 7518 §6), public members only unless asked.</summary>
internal static class KeyJson
{
    public static JsonWebKey Rsa(RSAParameters parameters, string? keyId, string algorithm) => new()
    {
        Kty = JsonWebAlgorithmsKeyTypes.RSA,
        Kid = keyId,
        Alg = algorithm,
        Use = JsonWebKeyUseNames.Sig,
        N = Base64UrlEncoder.Encode(parameters.Modulus),
        E = Base64UrlEncoder.Encode(parameters.Exponent),
        D = Encode(parameters.D),
        P = Encode(parameters.P),
        Q = Encode(parameters.Q),
        DP = Encode(parameters.DP),
        DQ = Encode(parameters.DQ),
        QI = Encode(parameters.InverseQ),
    };

    public static JsonWebKey Ec(ECParameters parameters, string? keyId, string algorithm) => new()
    {
        Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
        Kid = keyId,
        Alg = algorithm,
        Use = JsonWebKeyUseNames.Sig,
        Crv = "P-256",
        X = Base64UrlEncoder.Encode(parameters.Q.X),
        Y = Base64UrlEncoder.Encode(parameters.Q.Y),
        D = Encode(parameters.D),
    };

    /// <summary>One JWK as JSON; the private members only when <paramref name="includePrivate"/> says so.</summary>
    public static string Write(JsonWebKey key, bool includePrivate)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, key, includePrivate);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A JWK set (RFC 7517 §5) of the public halves of <paramref name="keys"/>.</summary>
    public static string WriteSet(IEnumerable<JsonWebKey> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                Write(writer, key, includePrivate: false);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonWebKey key, bool includePrivate)
    {
        writer.WriteStartObject();
        writer.WriteString("kty", key.Kty);
        Optional(writer, "use", key.Use);
        Optional(writer, "alg", key.Alg);
        Optional(writer, "kid", key.Kid);
        if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        {
            writer.WriteString("n", key.N);
            writer.WriteString("e", key.E);
            if (includePrivate)
            {
                Optional(writer, "d", key.D);
                Optional(writer, "p", key.P);
                Optional(writer, "q", key.Q);
                Optional(writer, "dp", key.DP);
                Optional(writer, "dq", key.DQ);
                Optional(writer, "qi", key.QI);
            }
        }
        else
        {
            writer.WriteString("crv", key.Crv);
            writer.WriteString("x", key.X);
            writer.WriteString("y", key.Y);
            if (includePrivate)
            {
                Optional(writer, "d", key.D);
            }
        }

        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static string? Encode(byte[]? value) => value is null ? null : Base64UrlEncoder.Encode(value);
}
