using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions.Client.Keys;
using Jar.IdentityServer.Extensions.Client.RequestObjects;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.IdentityServer.Extensions.Client.Authentication;

/// <summary>
/// <c>private_key_jwt</c> client authentication (RFC 7523 §2.2, OpenID Connect Core §9): a fresh assertion per
/// request, <c>iss</c> = <c>sub</c> = client_id, <c>aud</c> = the issuer identifier as one string, a fresh
/// <c>jti</c>, a short <c>exp</c>, <c>typ: client-authentication+jwt</c>, signed by the client's current key.
/// </summary>
public sealed class PrivateKeyJwtAuthentication : ClientAuthentication
{
    /// <summary>The <c>client_assertion_type</c> of a JWT assertion (RFC 7523 §2.2).</summary>
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>The <c>typ</c> of a client assertion (draft-ietf-oauth-rfc7523bis; OpenIddict 7.8 requires it).</summary>
    public const string MediaType = "client-authentication+jwt";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly ClientKeySet _keys;
    private readonly TimeProvider _time;

    internal PrivateKeyJwtAuthentication(ClientKeySet keys, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How long an assertion is valid; default 60 seconds.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A new client assertion of <paramref name="clientId"/> for the server <paramref name="issuer"/>.</summary>
    /// <param name="clientId">The client.</param>
    /// <param name="issuer">The server's issuer identifier (the assertion's <c>aud</c>, as one string).</param>
    public string CreateAssertion(string clientId, string issuer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        var now = _time.GetUtcNow();
        var key = _keys.SigningKey(now);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", clientId);
            writer.WriteString("sub", clientId);
            writer.WriteString("aud", issuer);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            writer.WriteString("jti", RequestObjectBuilder.NewJwtId());
            writer.WriteEndObject();
        }

        var header = new Dictionary<string, object>(StringComparer.Ordinal) { [JwtHeaderParameterNames.Typ] = MediaType };
        return Handler.CreateToken(Encoding.UTF8.GetString(buffer.ToArray()), key.SigningCredentials, header);
    }

    /// <inheritdoc />
    public override void Apply(HttpRequestMessage request, IDictionary<string, string> form, string clientId, string issuer)
    {
        ArgumentNullException.ThrowIfNull(form);

        // RFC 9126 §2.1 with OpenIddict 7.8: client_id in the body, even though the assertion names the client.
        form["client_id"] = clientId;
        form["client_assertion_type"] = AssertionType;
        form["client_assertion"] = CreateAssertion(clientId, issuer);
    }
}
