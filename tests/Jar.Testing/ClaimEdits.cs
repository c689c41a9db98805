using System.Globalization;
using System.Text.Json.Nodes;

namespace Jar.Testing;

/// <summary>
/// Claim changes written as short strings, so a theory row says what it breaks: <c>-exp</c> removes exp,
/// <c>exp=now-3600</c> sets a NumericDate relative to the host's clock, <c>aud=["{ISS}",5]</c> sets any JSON
/// (<c>{ISS}</c> is the issuer, <c>{ORIGIN}</c> the issuer without its trailing '/'). Edits are separated by ';'.
/// </summary>
public static class ClaimEdits
{
    public static RequestObjectBuilder Edit(this RequestObjectBuilder requestObject, string edits, long now, string issuer)
    {
        ArgumentNullException.ThrowIfNull(requestObject);
        ArgumentNullException.ThrowIfNull(edits);
        foreach (var edit in edits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (edit.StartsWith('-'))
            {
                requestObject.Without(edit[1..]);
                continue;
            }

            var equals = edit.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (edit[..equals], edit[(equals + 1)..]);
            requestObject.With(name, value.StartsWith("now", StringComparison.Ordinal)
                ? JsonValue.Create(now + (value.Length == 3 ? 0 : long.Parse(value[3..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))
                : JsonNode.Parse(value.Replace("{ISS}", issuer, StringComparison.Ordinal).Replace("{ORIGIN}", issuer.TrimEnd('/'), StringComparison.Ordinal)));
        }

        return requestObject;
    }
}
