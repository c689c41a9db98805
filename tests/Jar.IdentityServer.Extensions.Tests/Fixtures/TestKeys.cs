using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>
/// The keys of the fixture (the fixture of docs/conformance/catalogue.md): K1 and E1 are client C1's, K1b a second RSA key C1 may also hold,
/// K2 is client C2's, KA an attacker's key registered nowhere. Real keys: RSA 2048 for PS256, P-256 for ES256.
/// </summary>
internal static class TestKeys
{
    public static TestKey K1 { get; } = Rsa("k1");

    public static TestKey E1 { get; } = Ec("e1", ECCurve.NamedCurves.nistP256, SecurityAlgorithms.EcdsaSha256);

    public static TestKey K1b { get; } = Rsa("k1b");

    public static TestKey K2 { get; } = Rsa("k2");

    public static TestKey KA { get; } = Rsa("ka");

    /// <summary>A P-384 key: right shape for ES384, which no profile allows.</summary>
    public static TestKey E384 { get; } = Ec("e384", ECCurve.NamedCurves.nistP384, SecurityAlgorithms.EcdsaSha384);

    /// <summary>A 1024-bit RSA key: below FAPI 2.0 Security Profile §5.4.1's 2048 bits. Only its public half is used.</summary>
    public static TestKey Rsa1024 { get; } = Rsa("small", 1024);

    private static TestKey Rsa(string kid, int bits = 2048)
    {
        var rsa = RSA.Create(bits);
        var publicParameters = rsa.ExportParameters(includePrivateParameters: false);
        return new TestKey(
            new RsaSecurityKey(rsa) { KeyId = kid },
            SecurityAlgorithms.RsaSsaPssSha256,
            () => JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(publicParameters) { KeyId = kid }));
    }

    private static TestKey Ec(string kid, ECCurve curve, string algorithm)
    {
        var ec = ECDsa.Create(curve);
        var publicParameters = ec.ExportParameters(includePrivateParameters: false);
        return new TestKey(
            new ECDsaSecurityKey(ec) { KeyId = kid },
            algorithm,
            () => JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(publicParameters)) { KeyId = kid }));
    }
}
