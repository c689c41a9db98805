using System.Globalization;
using System.Text;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;

/// <summary>application/x-www-form-urlencoded over the UTF-8 bytes, by hand, so any string (a lone surrogate too) can be sent.</summary>
internal static class FormEncoding
{
    /// <summary>Past this, a query no longer fits Kestrel's request line (8 KiB) and the request goes as a form.</summary>
    public const int MaxQueryLength = 6_000;

    public static string Encode(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(static p => Percent(p.Name) + "=" + Percent(p.Value)));

    private static string Percent(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
