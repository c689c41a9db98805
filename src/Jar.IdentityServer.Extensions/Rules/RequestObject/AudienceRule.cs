using System.Text.Json;

namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §4, RFC 7519 §4.1.3: <c>aud</c> is the issuer identifier, as a string or an array of strings that
/// contains it, compared exactly. Other URLs of this server (PAR, token, authorization endpoint) do not count.
/// </summary>
internal sealed class AudienceRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        if (!context.Claims.TryGetValue(AuthorizationParameterNames.Audience, out var aud))
        {
            return new JarViolation(JarRules.AudienceInvalid, "The request object has no 'aud' claim.");
        }

        var issuer = context.Request.Issuer;
        return aud.Kind switch
        {
            JsonValueKind.String when string.Equals(aud.Text, issuer, StringComparison.Ordinal) => null,
            JsonValueKind.Array when ArrayContains(aud.Text, issuer) => null,
            _ => new JarViolation(JarRules.AudienceInvalid, "The request object's 'aud' does not name this server's issuer identifier."),
        };
    }

    // Every member must be a string; one of them the issuer.
    private static bool ArrayContains(string json, string issuer)
    {
        using var document = JsonDocument.Parse(json);
        var found = false;
        foreach (var member in document.RootElement.EnumerateArray())
        {
            if (member.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            found |= member.ValueEquals(issuer);
        }

        return found;
    }
}
