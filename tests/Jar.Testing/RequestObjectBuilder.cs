using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>
/// A request object under construction: a JOSE header, a claims set and the key that signs it. Starts as R0 of
/// the fixture of docs/conformance/catalogue.md; each knob changes one thing, so a test shows exactly what it breaks.
/// </summary>
public sealed class RequestObjectBuilder
{
    private SecurityKey? _key;
    private string? _signingAlgorithm;

    public RequestObjectBuilder(TestKey? key)
    {
        if (key is not null)
        {
            SignWith(key);
        }
    }

    public JsonObject Header { get; } = [];

    public JsonObject Claims { get; } = [];

    /// <summary>Signs with <paramref name="key"/> under <paramref name="algorithm"/> (its own by default); the header follows.</summary>
    public RequestObjectBuilder SignWith(TestKey key, string? algorithm = null)
    {
        _key = key.PrivateKey;
        _signingAlgorithm = algorithm ?? key.Algorithm;
        Header["alg"] = _signingAlgorithm;
        Header["kid"] = key.Kid;
        return this;
    }

    /// <summary>An HMAC signature (RFC 7518 §3.2) with a shared secret, and no <c>kid</c>.</summary>
    public RequestObjectBuilder SignWithSharedSecret(string secret, string algorithm)
    {
        _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
        _signingAlgorithm = algorithm;
        Header["alg"] = algorithm;
        Header.Remove("kid");
        return this;
    }

    /// <summary>No signature at all: the header says <paramref name="algorithm"/> and the third segment is empty.</summary>
    public RequestObjectBuilder Unsigned(string algorithm)
    {
        _key = null;
        _signingAlgorithm = null;
        Header["alg"] = algorithm;
        Header.Remove("kid");
        return this;
    }

    /// <summary>Sets a claim; a <see cref="JsonNode"/> value can be any JSON (a number, an array, ...).</summary>
    public RequestObjectBuilder With(string claim, JsonNode? value)
    {
        Claims[claim] = value;
        return this;
    }

    public RequestObjectBuilder Without(string claim)
    {
        Claims.Remove(claim);
        return this;
    }

    /// <summary>Sets a header member after signing has been chosen, e.g. another <c>kid</c> or a <c>typ</c>.</summary>
    public RequestObjectBuilder WithHeader(string name, JsonNode? value)
    {
        Header[name] = value;
        return this;
    }

    public RequestObjectBuilder WithoutHeader(string name)
    {
        Header.Remove(name);
        return this;
    }

    public string Claim(string name) => (string?)Claims[name] ?? throw new InvalidOperationException($"The object has no string '{name}'.");

    public string Build() => BuildWithPayload(Claims.ToJsonString());

    /// <summary>Signs an arbitrary payload (e.g. a JSON array) with the current header and key.</summary>
    public string BuildWithPayload(string payloadJson) => Jws.Encode(Header, payloadJson, _key, _signingAlgorithm);
}
