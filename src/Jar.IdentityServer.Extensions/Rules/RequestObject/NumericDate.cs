using System.Globalization;
using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>Reads a NumericDate claim (RFC 7519 §2): a JSON number of seconds, never a string.</summary>
internal static class NumericDate
{
    public enum Presence
    {
        Absent,
        Invalid,
        Present,
    }

    // 1970 .. 9999: anything else is not a date this server will ever compare against.
    private const double MaxSeconds = 253_402_300_799;

    public static Presence Read(RequestObjectContext context, string claim, out DateTimeOffset value)
    {
        value = default;
        if (!context.Claims.TryGetValue(claim, out var raw))
        {
            return Presence.Absent;
        }

        if (raw.Kind != System.Text.Json.JsonValueKind.Number ||
            !double.TryParse(raw.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ||
            !double.IsFinite(seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            return Presence.Invalid;
        }

        value = DateTimeOffset.UnixEpoch.AddSeconds(Math.Floor(seconds));
        return Presence.Present;
    }
}
