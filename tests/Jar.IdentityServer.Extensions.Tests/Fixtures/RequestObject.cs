using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>
/// Builds a request object. <see cref="R0"/> is the baseline of the fixture of docs/conformance/catalogue.md (what the conformance suite sends
/// for its first client); each knob changes one thing, so a test states only what it breaks.
/// </summary>
internal sealed class RequestObject
{
    // Written as a client library would: '+' in "oauth-authz-req+jwt" stays a literal '+'.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _header = [];
    private readonly JsonObject _claims;
    private SigningCredentials _credentials;

    private RequestObject(JsonObject claims, TestKey key)
    {
        _claims = claims;
        _credentials = key.Credentials();
        _header["alg"] = key.Algorithm;
        _header["kid"] = key.KeyId;
    }

    /// <summary>
    /// R0: header <c>{"alg":"PS256","kid":"k1"}</c> with no typ; client_id, redirect_uri, scope, state, nonce,
    /// response_type=code, PKCE S256; nbf=now, exp=now+300, aud=issuer, iss=client_id; no iat, no jti.
    /// </summary>
    public static RequestObject R0(DateTimeOffset now, string clientId = TestClients.C1Id, TestKey? key = null) => new(
        new JsonObject
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = TestClients.RU1,
            ["scope"] = "openid accounts",
            ["state"] = "af0ifjsldkj",
            ["nonce"] = "n-0S6_WzA2Mj",
            ["response_type"] = "code",
            ["code_challenge"] = Pkce.Challenge,
            ["code_challenge_method"] = "S256",
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.ToUnixTimeSeconds() + 300,
            ["aud"] = TestEngine.Issuer,
            ["iss"] = clientId,
        },
        key ?? TestKeys.K1);

    /// <summary>Sets a claim; a null node is a JSON null.</summary>
    public RequestObject With(string claim, JsonNode? value)
    {
        _claims[claim] = value;
        return this;
    }

    public RequestObject Without(params string[] claims)
    {
        foreach (var claim in claims)
        {
            _claims.Remove(claim);
        }

        return this;
    }

    public RequestObject WithHeader(string name, JsonNode? value)
    {
        _header[name] = value;
        return this;
    }

    public RequestObject WithoutHeader(string name)
    {
        _header.Remove(name);
        return this;
    }

    /// <summary>Signs with <paramref name="key"/>; the header's alg and kid become the key's.</summary>
    public RequestObject SignedWith(TestKey key, string? algorithm = null)
    {
        _credentials = key.Credentials(algorithm);
        _header["alg"] = _credentials.Algorithm;
        _header["kid"] = key.KeyId;
        return this;
    }

    /// <summary>Signs with a key that is not part of the fixture (an HMAC secret); the header gets no kid.</summary>
    public RequestObject SignedWith(SecurityKey key, string algorithm)
    {
        _credentials = new SigningCredentials(key, algorithm);
        _header["alg"] = algorithm;
        _header.Remove("kid");
        return this;
    }

    public string HeaderJson => _header.ToJsonString(Json);

    public string PayloadJson => _claims.ToJsonString(Json);

    public string Compact() => Jws.Sign(Encoding.UTF8.GetBytes(HeaderJson), Encoding.UTF8.GetBytes(PayloadJson), _credentials);

    /// <summary>This header and payload over bytes the test supplies (signed with the same key).</summary>
    public string CompactOver(byte[] header, byte[] payload) => Jws.Sign(header, payload, _credentials);

    /// <summary>An unsecured object: alg none, no kid, empty signature.</summary>
    public string CompactUnsigned(string alg = "none")
    {
        _header["alg"] = alg;
        _header.Remove("kid");
        return Jws.Unsigned(Encoding.UTF8.GetBytes(HeaderJson), Encoding.UTF8.GetBytes(PayloadJson));
    }
}
