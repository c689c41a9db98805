using System.Text.Json.Nodes;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Client;

/// <summary>
/// A private_key_jwt client assertion (RFC 7523 §2.2) as OpenIddict 7.8 takes it: <c>typ</c>
/// <c>client-authentication+jwt</c>, <c>aud</c> = the issuer as one string, <c>iss</c> = <c>sub</c> = client_id.
/// </summary>
internal static class ClientAssertion
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(TestClient client, string issuer, DateTimeOffset now)
    {
        var key = client.Key ?? throw new InvalidOperationException($"{client} is a public client.");
        JsonObject header = new() { ["alg"] = key.Algorithm, ["kid"] = key.Kid, ["typ"] = "client-authentication+jwt" };
        JsonObject claims = new()
        {
            ["iss"] = client.ClientId,
            ["sub"] = client.ClientId,
            ["aud"] = issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(5).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        return Jws.Encode(header, claims.ToJsonString(), key.PrivateKey, key.Algorithm);
    }
}
