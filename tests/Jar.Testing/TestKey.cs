using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>A real key pair (RSA 2048 or EC P-256) with the <c>kid</c> and algorithm a client signs with.</summary>
public sealed class TestKey : IDisposable
{
    private readonly AsymmetricAlgorithm _algorithm;

    private TestKey(string kid, string algorithm, AsymmetricAlgorithm keyPair, AsymmetricSecurityKey privateKey, JsonWebKey publicJwk)
    {
        Kid = kid;
        Algorithm = algorithm;
        _algorithm = keyPair;
        PrivateKey = privateKey;
        PublicJwk = publicJwk;
    }

    /// <summary>The key id the client registers and puts in the JOSE header.</summary>
    public string Kid { get; }

    /// <summary>The algorithm the client signs with by default (PS256 or ES256).</summary>
    public string Algorithm { get; }

    /// <summary>The private key, for signing on the client side.</summary>
    public AsymmetricSecurityKey PrivateKey { get; }

    /// <summary>The public half, as it is registered in the client's JSON Web Key Set.</summary>
    public JsonWebKey PublicJwk { get; }

    public static TestKey Rsa(string kid)
    {
        var rsa = RSA.Create(2048);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = kid });
        jwk.Use = JsonWebKeyUseNames.Sig;
        return new TestKey(kid, SecurityAlgorithms.RsaSsaPssSha256, rsa, new RsaSecurityKey(rsa) { KeyId = kid }, jwk);
    }

    public static TestKey EcP256(string kid)
    {
        var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(includePrivateParameters: false))) { KeyId = kid });
        jwk.Use = JsonWebKeyUseNames.Sig;
        return new TestKey(kid, SecurityAlgorithms.EcdsaSha256, ec, new ECDsaSecurityKey(ec) { KeyId = kid }, jwk);
    }

    public void Dispose() => _algorithm.Dispose();
}
