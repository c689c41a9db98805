using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions.Client.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.RequestObjects;

/// <summary>
/// Builds the signed request object (RFC 9101 §4) of an authorization request: every authorization parameter as a
/// claim, with <c>iss</c> = the client_id, <c>aud</c> = the server's issuer identifier, <c>iat</c>, <c>nbf</c>,
/// <c>exp</c> and a fresh <c>jti</c>, signed PS256 or ES256 by the client's current key with its <c>kid</c> and
/// <c>typ: oauth-authz-req+jwt</c> (RFC 9101 §10.8).
/// </summary>
public sealed class RequestObjectBuilder
{
    /// <summary>The media type of a request object (RFC 9101 §10.8) as its <c>typ</c> header.</summary>
    public const string MediaType = "oauth-authz-req+jwt";

    // Envelope claims are the builder's: a parameter of the same name would be a second, conflicting claim.
    private static readonly HashSet<string> EnvelopeClaims = new(StringComparer.Ordinal) { "iss", "aud", "exp", "nbf", "iat", "jti", "sub" };

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly string _clientId;
    private readonly ClientKeySet _keys;
    private readonly TimeProvider _time;

    /// <summary>A builder for <paramref name="clientId"/> signing with <paramref name="keys"/>.</summary>
    /// <param name="clientId">The client; <c>iss</c> and <c>client_id</c> of every object.</param>
    /// <param name="keys">The client's keys; the current one signs.</param>
    /// <param name="time">The clock (default: the system's).</param>
    public RequestObjectBuilder(string clientId, ClientKeySet keys, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(keys);
        _clientId = clientId;
        _keys = keys;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// How long an object is valid (<c>exp</c> - <c>nbf</c>); default 5 minutes. FAPI 2.0 Message Signing §5.3.1 and
    /// the server's policies allow at most 60 minutes.
    /// </summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Signs a request object carrying <paramref name="parameters"/> for the server <paramref name="issuer"/>.</summary>
    /// <param name="issuer">The server's issuer identifier, exactly as its metadata says (RFC 9101 §4: <c>aud</c>).</param>
    /// <param name="parameters">The authorization parameters (null values are left out).</param>
    /// <returns>The compact JWS.</returns>
    /// <exception cref="ArgumentException">A parameter that cannot be in a request object (<c>request</c>, <c>request_uri</c>, a JWT claim the builder sets, or another client_id).</exception>
    public string Build(string issuer, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentNullException.ThrowIfNull(parameters);
        if (Lifetime <= TimeSpan.Zero || Lifetime > TimeSpan.FromMinutes(60))
        {
            throw new InvalidOperationException($"Lifetime must be more than zero and at most 60 minutes; it is {Lifetime}.");
        }

        var now = _time.GetUtcNow();
        var key = _keys.SigningKey(now);
        var payload = Payload(issuer, parameters, now);
        var header = new Dictionary<string, object>(StringComparer.Ordinal) { [JwtHeaderParameterNames.Typ] = MediaType };
        return Handler.CreateToken(payload, key.SigningCredentials, header);
    }

    /// <summary>A fresh, unguessable <c>jti</c>: 128 random bits, base64url (RFC 7519 §4.1.7).</summary>
    public static string NewJwtId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    private string Payload(string issuer, IEnumerable<KeyValuePair<string, string?>> parameters, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var hasClientId = false;
            foreach (var (name, value) in parameters)
            {
                if (value is null)
                {
                    continue;
                }

                Check(name, value, ref hasClientId);
                if (!seen.Add(name))
                {
                    throw new ArgumentException($"Parameter '{name}' is given twice; a request object holds each parameter once.", nameof(parameters));
                }

                WriteParameter(writer, name, value);
            }

            if (!hasClientId)
            {
                writer.WriteString("client_id", _clientId);
            }

            writer.WriteString("iss", _clientId);
            writer.WriteString("aud", issuer);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            writer.WriteString("jti", NewJwtId());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void Check(string name, string value, ref bool hasClientId)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A parameter needs a name.", nameof(name));
        }

        // RFC 9101 §4: request and request_uri must not be inside a request object.
        if (name is "request" or "request_uri" || EnvelopeClaims.Contains(name))
        {
            throw new ArgumentException($"'{name}' cannot be passed as a parameter: the builder sets the object's own claims, and RFC 9101 §4 forbids request and request_uri inside it.", nameof(name));
        }

        if (name == "client_id")
        {
            // RFC 9101 §5: the object's client_id is the one outside it.
            if (!string.Equals(value, _clientId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"client_id '{value}' is not this builder's client '{_clientId}'.", nameof(value));
            }

            hasClientId = true;
        }
    }

    // OpenID Connect Core §6.1: claims keep their JSON types; max_age is a number, claims and authorization_details
    // (RFC 9396 §2) are JSON, everything else is a string.
    private static void WriteParameter(Utf8JsonWriter writer, string name, string value)
    {
        switch (name)
        {
            case "max_age" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                writer.WriteNumber(name, seconds);
                return;
            case "claims" or "authorization_details":
                try
                {
                    using var document = JsonDocument.Parse(value);
                    if (document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        writer.WritePropertyName(name);
                        document.RootElement.WriteTo(writer);
                        return;
                    }
                }
                catch (JsonException)
                {
                    // Not JSON: sent as the string it is, and the server judges it.
                }

                break;
        }

        writer.WriteString(name, value);
    }
}
