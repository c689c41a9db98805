using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>The server's request object decryption keys: RSA 2048 (RSA-OAEP-256, kid enc-rsa) and P-256 (ECDH-ES, kid enc-ec).</summary>
internal sealed class ServerEncryptionKeys : IDisposable
{
    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDiffieHellman Ec { get; } = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public JsonWebKey RsaJwk()
    {
        var p = Rsa.ExportParameters(true);
        return new JsonWebKey
        {
            Kty = "RSA", Kid = "enc-rsa", N = B(p.Modulus), E = B(p.Exponent), D = B(p.D), P = B(p.P), Q = B(p.Q),
            DP = B(p.DP), DQ = B(p.DQ), QI = B(p.InverseQ),
        };
    }

    public JsonWebKey EcJwk()
    {
        var p = Ec.ExportParameters(true);
        return new JsonWebKey { Kty = "EC", Kid = "enc-ec", Crv = "P-256", X = B(p.Q.X), Y = B(p.Q.Y), D = B(p.D) };
    }

    public void Dispose()
    {
        Rsa.Dispose();
        Ec.Dispose();
    }

    private static string B(byte[]? value) => Base64UrlEncoder.Encode(value!);
}
