using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jar.IdentityServer.Extensions.Client;

/// <summary>
/// A refusal as the server sent it: the OAuth error (RFC 6749 §5.2, RFC 9126 §2.3), its description and, when the
/// description ends with a rule id such as <c>(rule JAR205)</c>, that id, so a caller can act on the exact rule.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Error">The <c>error</c> code, e.g. <c>invalid_request_object</c>.</param>
/// <param name="ErrorDescription">The <c>error_description</c>, if any.</param>
/// <param name="RuleId">The rule id named by the description, e.g. <c>JAR205</c>; <see langword="null"/> if none.</param>
public sealed partial record JarServerRefusal(HttpStatusCode StatusCode, string Error, string? ErrorDescription, string? RuleId)
{
    /// <summary>The rule id in a description such as <c>... (rule JAR205)</c>, or <see langword="null"/>.</summary>
    /// <param name="description">An <c>error_description</c>.</param>
    public static string? ParseRuleId(string? description) =>
        description is not null && RulePattern().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Reads an OAuth error body (JSON with <c>error</c>); <see langword="null"/> when the body is none.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="body">The response body.</param>
    public static JarServerRefusal? Parse(HttpStatusCode statusCode, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return new JarServerRefusal(statusCode, error.GetString()!, description, ParseRuleId(description));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\(rule (JAR[A-Z]?[0-9]{3})\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RulePattern();
}
