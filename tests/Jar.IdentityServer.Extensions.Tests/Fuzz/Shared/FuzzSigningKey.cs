using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>A private key that signs, with the kid it is registered under (or claims to be).</summary>
internal sealed record FuzzSigningKey(string Kid, AsymmetricSecurityKey PrivateKey)
{
    public bool IsRsa => PrivateKey is RsaSecurityKey;

    /// <summary>The algorithm a client signs with by default: PS256 or ES256.</summary>
    public string Algorithm => IsRsa ? SecurityAlgorithms.RsaSsaPssSha256 : SecurityAlgorithms.EcdsaSha256;
}
