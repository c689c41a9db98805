using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions.RequestObjects;
using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The intent hash: the SHA-256 (unpadded base64url) of the RFC 8785 canonical form of the effective authorization
/// request, a JSON object holding exactly the parameters that counted, plus <c>client_id</c>. For a request object
/// those are its claims less the JWT envelope (<c>iss</c>, <c>aud</c>, <c>exp</c>, <c>nbf</c>, <c>iat</c>,
/// <c>jti</c>), each with its JSON value (RFC 9101 §6.3); for a request without one, its parameters as strings, less
/// client authentication. docs/audit.md shows how an auditor recomputes it.
/// </summary>
public static class JarIntent
{
    /// <summary>The claim carrying the intent hash in ID tokens, access tokens and introspection responses.</summary>
    public const string ClaimType = "jar_intent";

    /// <summary>Recomputes the intent hash from a request object's payload (the decoded JSON of its claims).</summary>
    /// <param name="payload">The JWS payload, as JSON text.</param>
    /// <param name="clientId">The client the object was accepted for.</param>
    /// <exception cref="FormatException">The payload is not a JSON object RFC 8785 can canonicalise.</exception>
    public static string FromRequestObjectPayload(string payload, string clientId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(clientId);
        Dictionary<string, ClaimValue> claims;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A request object's payload is a JSON object.");
            }

            claims = new(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                claims[member.Name] = member.Value.ValueKind == JsonValueKind.String
                    ? new ClaimValue(JsonValueKind.String, member.Value.GetString()!)
                    : new ClaimValue(member.Value.ValueKind, member.Value.GetRawText());
            }
        }
        catch (JsonException e)
        {
            throw new FormatException("The payload is not JSON.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("A JSON string is not valid UTF-16.", e);
        }

        return FromClaims(claims, clientId);
    }

    /// <summary>Computes the intent hash of a request without a request object, from the parameters that counted.</summary>
    public static string FromParameters(IEnumerable<KeyValuePair<string, string>> parameters, string clientId)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(clientId);
        var members = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            members[name] = Quoted(value);
        }

        return Hash(members, clientId);
    }

    /// <summary>The intent hash of a verified request object's claims (the engine's path).</summary>
    internal static string FromClaims(IReadOnlyDictionary<string, ClaimValue> claims, string clientId)
    {
        var members = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, claim) in claims)
        {
            if (!Names.IsEnvelopeClaim(name))
            {
                members[name] = claim.IsString ? Quoted(claim.Text) : JsonCanonicalization.Canonicalize(claim.Text);
            }
        }

        return Hash(members, clientId);
    }

    private static string Hash(SortedDictionary<string, string> members, string clientId)
    {
        members[Names.ClientId] = Quoted(clientId);
        var builder = new StringBuilder("{");
        foreach (var (name, value) in members)
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            JsonCanonicalization.WriteString(builder, name);
            builder.Append(':').Append(value);
        }

        return Sha256.Base64Url(builder.Append('}').ToString());
    }

    private static string Quoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        JsonCanonicalization.WriteString(builder, value);
        return builder.ToString();
    }
}
