using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Hosting;

/// <summary>
/// OpenIddict's signing key, made in memory at each start (what <c>AddEphemeralSigningKey</c> does, with the
/// algorithm chosen by <c>Server:SigningKeyAlgorithm</c>). OpenIddict signs every token with it, among them the
/// request token that stands for each cached or pushed authorization request, so its cost is paid per request.
/// </summary>
internal static class SigningKeys
{
    public static SigningCredentials CreateEphemeral(string algorithm) => algorithm switch
    {
        SecurityAlgorithms.EcdsaSha256 => new SigningCredentials(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)), algorithm),
        SecurityAlgorithms.RsaSha256 => new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)), algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "ES256 or RS256."),
    };
}
