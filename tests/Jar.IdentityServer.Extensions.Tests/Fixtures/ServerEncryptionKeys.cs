using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>The server's request object decryption keys: one RSA 2048 (RSA-OAEP-256), one P-256 (ECDH-ES).</summary>
internal static class ServerEncryptionKeys
{
    public static RSA Rsa { get; } = RSA.Create(2048);

    public static ECDiffieHellman Ec { get; } = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A key the server does not hold.</summary>
    public static RSA OtherRsa { get; } = RSA.Create(2048);

    public static JsonWebKey RsaJwk(bool includePrivate = true)
    {
        var p = Rsa.ExportParameters(includePrivate);
        var jwk = new JsonWebKey { Kty = "RSA", Kid = "enc-rsa", N = Base64UrlEncoder.Encode(p.Modulus), E = Base64UrlEncoder.Encode(p.Exponent) };
        if (includePrivate)
        {
            (jwk.D, jwk.P, jwk.Q, jwk.DP, jwk.DQ, jwk.QI) = (B(p.D), B(p.P), B(p.Q), B(p.DP), B(p.DQ), B(p.InverseQ));
        }

        return jwk;
    }

    public static JsonWebKey EcJwk()
    {
        var p = Ec.ExportParameters(true);
        return new JsonWebKey { Kty = "EC", Kid = "enc-ec", Crv = "P-256", X = B(p.Q.X), Y = B(p.Q.Y), D = B(p.D) };
    }

    /// <summary>The engine with both decryption keys, and optionally C1's own overrides.</summary>
    public static TestEngine Engine(JarPolicyOverrides? c1 = null) => new(o =>
    {
        o.RequestObjectDecryptionKeys.Add(RsaJwk());
        o.RequestObjectDecryptionKeys.Add(EcJwk());
        if (c1 is not null)
        {
            o.Clients[TestClients.C1Id] = c1;
        }
    });

    private static string B(byte[]? value) => Base64UrlEncoder.Encode(value!);
}
