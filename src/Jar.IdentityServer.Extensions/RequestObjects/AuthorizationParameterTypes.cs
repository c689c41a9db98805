using System.Text.Json;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// Every authorization parameter this server or its host understands, with the JSON type it must have inside a
/// request object. RFC 9101 §4: the parameters are JSON members "with the same types as they have as parameters", so
/// a string parameter is a JSON string, never a number or an array, and a structured one is never a string holding
/// JSON. A value of the wrong type is refused as it is; it is never converted.
/// </summary>
internal static class AuthorizationParameterTypes
{
    private static readonly Dictionary<string, ParameterJsonType> Types = new(StringComparer.Ordinal)
    {
        // RFC 6749 §4.1.1, RFC 7636 §4.3, OAuth 2.0 Multiple Response Types §2.1.
        ["response_type"] = ParameterJsonType.String,
        ["client_id"] = ParameterJsonType.String,
        ["redirect_uri"] = ParameterJsonType.String,
        ["scope"] = ParameterJsonType.String,
        ["state"] = ParameterJsonType.String,
        ["code_challenge"] = ParameterJsonType.String,
        ["code_challenge_method"] = ParameterJsonType.String,
        ["response_mode"] = ParameterJsonType.String,

        // OpenID Connect Core §3.1.2.1, §5.5, §7.2.1.
        ["nonce"] = ParameterJsonType.String,
        ["prompt"] = ParameterJsonType.String,
        ["display"] = ParameterJsonType.String,
        ["login_hint"] = ParameterJsonType.String,
        ["id_token_hint"] = ParameterJsonType.String,
        ["acr_values"] = ParameterJsonType.String,
        ["ui_locales"] = ParameterJsonType.String,
        ["claims_locales"] = ParameterJsonType.String,
        ["max_age"] = ParameterJsonType.NonNegativeInteger,
        ["claims"] = ParameterJsonType.Object,
        ["registration"] = ParameterJsonType.Object,

        // RFC 9449 §10 (DPoP key binding of the code), RFC 9396 §2 (rich authorization requests).
        ["dpop_jkt"] = ParameterJsonType.String,
        ["authorization_details"] = ParameterJsonType.ArrayOfObjects,

        // RFC 8707 §2: one or more absolute URIs; OpenIddict's 'audience' takes the same shape.
        ["resource"] = ParameterJsonType.StringOrArrayOfStrings,
        ["audience"] = ParameterJsonType.StringOrArrayOfStrings,
    };

    /// <summary>The parameters with a known type, for tests and documentation.</summary>
    public static IReadOnlyDictionary<string, ParameterJsonType> Known => Types;

    /// <summary>
    /// Whether a member has its parameter's type. A member this server does not know may have any type but null
    /// (an extension parameter, RFC 6749 §8.2), and a JSON null is never a parameter's value.
    /// </summary>
    public static bool HasItsType(string name, ClaimValue value)
    {
        if (value.Kind == JsonValueKind.Null)
        {
            return false;
        }

        if (!Types.TryGetValue(name, out var type))
        {
            return true;
        }

        return type switch
        {
            ParameterJsonType.String => value.IsString,
            ParameterJsonType.Object => value.Kind == JsonValueKind.Object,
            ParameterJsonType.NonNegativeInteger => value.Kind == JsonValueKind.Number && IsNonNegativeInteger(value.Text),
            ParameterJsonType.ArrayOfObjects => value.Kind == JsonValueKind.Array && AllItems(value.Text, JsonValueKind.Object, allowEmpty: true),
            ParameterJsonType.StringOrArrayOfStrings => value.IsString || (value.Kind == JsonValueKind.Array && AllItems(value.Text, JsonValueKind.String, allowEmpty: false)),
            _ => false,
        };
    }

    // OpenID Connect Core §3.1.2.1: seconds. "300.0", "3e2" and "-1" are numbers, but not a count of seconds.
    private static bool IsNonNegativeInteger(string text) =>
        text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit);

    private static bool AllItems(string json, JsonValueKind kind, bool allowEmpty)
    {
        using var document = JsonDocument.Parse(json);
        var count = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != kind)
            {
                return false;
            }

            count++;
        }

        return allowEmpty || count > 0;
    }
}
