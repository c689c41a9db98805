using System.Text.Json.Nodes;

namespace Jar.Testing;

/// <summary>
/// A private_key_jwt client assertion (RFC 7523 §2.2) as OpenIddict 7.8 takes it: <c>typ</c>
/// <c>client-authentication+jwt</c>, <c>aud</c> = the issuer as one string, <c>iss</c> = <c>sub</c> = client_id.
/// </summary>
public static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(TestClient client, string issuer, DateTimeOffset now) =>
        Create(client.ClientId, client.Key ?? throw new InvalidOperationException($"{client} is a public client."), issuer, now);

    /// <summary>An assertion for <paramref name="clientId"/> signed by <paramref name="key"/>; <paramref name="edit"/> changes its claims (e.g. another <c>aud</c>).</summary>
    public static string Create(string clientId, TestKey key, string issuer, DateTimeOffset now, Action<JsonObject>? edit = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        JsonObject header = new() { ["alg"] = key.Algorithm, ["kid"] = key.Kid, ["typ"] = "client-authentication+jwt" };
        JsonObject claims = new()
        {
            ["iss"] = clientId,
            ["sub"] = clientId,
            ["aud"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        edit?.Invoke(claims);
        return Jws.Encode(header, claims.ToJsonString(), key.PrivateKey, key.Algorithm);
    }
}
