using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>The public halves of the server's request object decryption keys, as clients see them.</summary>
internal static class EncryptionKeys
{
    /// <summary>The JWE algorithm each kind of key serves: RSA-OAEP-256 for RSA, ECDH-ES for EC.</summary>
    public static IEnumerable<string> Algorithms(IEnumerable<JsonWebKey> keys) =>
        keys.Select(Algorithm).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>A public JWK with <c>use: enc</c>: never a private member.</summary>
    public static JsonWebKey? Public(JsonWebKey key)
    {
        var algorithm = Algorithm(key);
        if (algorithm is null)
        {
            return null;
        }

        var published = new JsonWebKey { Kty = key.Kty, Kid = key.Kid, Use = JsonWebKeyUseNames.Enc, Alg = algorithm };
        if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        {
            published.N = key.N;
            published.E = key.E;
        }
        else
        {
            published.Crv = key.Crv;
            published.X = key.X;
            published.Y = key.Y;
        }

        return published;
    }

    private static string? Algorithm(JsonWebKey key) => key.Kty switch
    {
        JsonWebAlgorithmsKeyTypes.RSA => "RSA-OAEP-256",
        JsonWebAlgorithmsKeyTypes.EllipticCurve => "ECDH-ES",
        _ => null,
    };
}
