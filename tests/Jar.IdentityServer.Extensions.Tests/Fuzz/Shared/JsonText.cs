using System.Globalization;
using System.Text;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// JSON text written by hand, so a generator controls every byte: a string literal with only the escapes JSON
/// requires (RFC 8259 §7), or with every character escaped (the same string, spelled differently).
/// </summary>
internal static class JsonText
{
    /// <summary>A string literal; characters outside the required escapes stay literal (a lone surrogate too).</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>The same string with every UTF-16 unit as a <c>\uXXXX</c> escape (upper or lower hex).</summary>
    public static string Escaped(string value, bool upper = false)
    {
        var text = new StringBuilder(value.Length * 6 + 2).Append('"');
        foreach (var c in value)
        {
            text.Append("\\u").Append(((int)c).ToString(upper ? "X4" : "x4", CultureInfo.InvariantCulture));
        }

        return text.Append('"').ToString();
    }

    /// <summary>The same string with only its first character escaped (<c>"\u0061ud"</c> for aud).</summary>
    public static string FirstEscaped(string value) =>
        value.Length == 0 ? "\"\"" : "\"\\u" + ((int)value[0]).ToString("x4", CultureInfo.InvariantCulture) + Literal(value[1..])[1..];

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
