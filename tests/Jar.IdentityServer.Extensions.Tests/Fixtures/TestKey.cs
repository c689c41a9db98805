using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>A signing key of the fixture: the private half signs, the public half is what a client registers.</summary>
internal sealed class TestKey(SecurityKey privateKey, string algorithm, Func<JsonWebKey> publicJwk)
{
    public SecurityKey PrivateKey { get; } = privateKey;

    /// <summary>The algorithm this key signs with unless a test says otherwise.</summary>
    public string Algorithm { get; } = algorithm;

    public string? KeyId => PrivateKey.KeyId;

    /// <summary>A fresh copy of the public JWK, optionally changed, so one test's change never leaks into another.</summary>
    public JsonWebKey Jwk(Action<JsonWebKey>? change = null)
    {
        var jwk = publicJwk();
        change?.Invoke(jwk);
        return jwk;
    }

    public SigningCredentials Credentials(string? algorithm = null) => new(PrivateKey, algorithm ?? Algorithm);
}
