using System.Security.Cryptography;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Benchmarks;

/// <summary>
/// A client with one real key pair (RSA 2048 for PS256, P-256 for ES256): its registration as the engine sees it
/// (the public JWK only) and the private key it signs its request objects with.
/// </summary>
internal sealed class SigningClient : IDisposable
{
    public const string ClientId = "bench-client";
    public const string RedirectUri = "https://client.example.com/cb";
    public const string Issuer = "https://as.example.com";

    private const string KeyId = "bench-key-1";

    // RFC 7636 §4.2: a real S256 challenge, 43 base64url characters.
    private static readonly string CodeChallenge =
        Base64UrlEncoder.Encode(SHA256.HashData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"u8));

    private readonly AsymmetricAlgorithm _privateKey;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new();

    public SigningClient(string algorithm)
    {
        Algorithm = algorithm;
        SecurityKey privateKey;
        string publicJwk;
        switch (algorithm)
        {
            case SecurityAlgorithms.RsaSsaPssSha256:
                var rsa = RSA.Create(2048);
                _privateKey = rsa;
                privateKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
                var rsaPublic = rsa.ExportParameters(includePrivateParameters: false);
                publicJwk = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kty"] = "RSA",
                    ["n"] = Base64UrlEncoder.Encode(rsaPublic.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(rsaPublic.Exponent),
                    ["kid"] = KeyId,
                    ["use"] = "sig",
                    ["alg"] = algorithm,
                });
                break;
            case SecurityAlgorithms.EcdsaSha256:
                var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                _privateKey = ecdsa;
                privateKey = new ECDsaSecurityKey(ecdsa) { KeyId = KeyId };
                var ecPublic = ecdsa.ExportParameters(includePrivateParameters: false);
                publicJwk = JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["kty"] = "EC",
                    ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(ecPublic.Q.X),
                    ["y"] = Base64UrlEncoder.Encode(ecPublic.Q.Y),
                    ["kid"] = KeyId,
                    ["use"] = "sig",
                    ["alg"] = algorithm,
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "PS256 or ES256.");
        }

        // The registration holds the key as a host reads it from the client's stored JWKS: parsed from JSON,
        // with no .NET key object behind it, so verification builds its own from the JWK's members.
        PublicKey = new JsonWebKey(publicJwk);
        _credentials = new SigningCredentials(privateKey, algorithm);
        Registration = new JarClient(ClientId, [PublicKey], [RedirectUri]);
    }

    public string Algorithm { get; }

    /// <summary>The registered public key, exactly the instance the engine verifies with.</summary>
    public JsonWebKey PublicKey { get; }

    public JarClient Registration { get; }

    /// <summary>
    /// A request object as a FAPI client sends it: typed, iss/aud/client_id bound, valid from <paramref name="now"/>
    /// for <paramref name="lifetime"/>, PKCE S256, and its own <paramref name="jwtId"/>.
    /// </summary>
    public string Sign(string jwtId, DateTimeOffset now, TimeSpan lifetime) => _handler.CreateToken(new SecurityTokenDescriptor
    {
        TokenType = "oauth-authz-req+jwt",
        Issuer = ClientId,
        Audience = Issuer,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = (now + lifetime).UtcDateTime,
        SigningCredentials = _credentials,
        Claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid profile",
            ["state"] = "af0ifjsldkj",
            ["nonce"] = "n-0S6_WzA2Mj",
            ["code_challenge"] = CodeChallenge,
            ["code_challenge_method"] = "S256",
            ["jti"] = jwtId,
        },
    });

    public void Dispose() => _privateKey.Dispose();
}
