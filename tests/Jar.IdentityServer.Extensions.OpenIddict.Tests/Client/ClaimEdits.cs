using System.Globalization;
using System.Text.Json.Nodes;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Client;

/// <summary>
/// Claim changes written as short strings, so a theory row says what it breaks: <c>-exp</c> removes exp,
/// <c>exp=now-3600</c> sets a NumericDate relative to the host's clock, <c>aud=["{ISS}",5]</c> sets any JSON
/// (<c>{ISS}</c> is the issuer, <c>{ORIGIN}</c> the issuer without its trailing '/'). Edits are separated by ';'.
/// </summary>
internal static class ClaimEdits
{
    public static AuthorizationFlow Edit(this AuthorizationFlow flow, string edits)
    {
        foreach (var edit in edits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (edit.StartsWith('-'))
            {
                flow.RequestObject.Without(edit[1..]);
                continue;
            }

            var equals = edit.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = (edit[..equals], edit[(equals + 1)..]);
            flow.RequestObject.With(name, value.StartsWith("now", StringComparison.Ordinal)
                ? JsonValue.Create(flow.Now + (value.Length == 3 ? 0 : long.Parse(value[3..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)))
                : JsonNode.Parse(value.Replace("{ISS}", flow.Issuer, StringComparison.Ordinal).Replace("{ORIGIN}", flow.Issuer.TrimEnd('/'), StringComparison.Ordinal)));
        }

        return flow;
    }
}
