using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): one byte sequence for one JSON value, so that a hash over it can be
/// recomputed by anyone from the same data. Pure; the intent hash and the decision chain are computed with it.
/// </summary>
public static class JsonCanonicalization
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Canonicalises a JSON text.</summary>
    /// <exception cref="FormatException">The text is not JSON, or holds a value RFC 8785 cannot represent.</exception>
    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, Strict);
            return Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException("The text is not a JSON value.", e);
        }
    }

    /// <summary>Canonicalises a parsed JSON value.</summary>
    /// <exception cref="FormatException">A number is outside IEEE 754 double range, or a string is not valid UTF-16.</exception>
    public static string Canonicalize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    internal static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units (ordinal comparison).
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var member in value.EnumerateObject())
                {
                    members.Add((ReadString(() => member.Name), member.Value));
                }

                members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, ReadString(value.GetString));
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>RFC 8785 §3.2.2.2: a string as ECMAScript's JSON.stringify writes it.</summary>
    internal static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>
    /// RFC 8785 §3.2.2.3: a number as ECMAScript's Number.prototype.toString writes it (ECMA-262 §7.1.12.1): the
    /// shortest digits that round-trip, placed by the exponent.
    /// </summary>
    public static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new FormatException("RFC 8785 §3.2.2.3: NaN and Infinity have no JSON form.");
        }

        if (value == 0)
        {
            return "0"; // -0 too.
        }

        var negative = value < 0;

        // .NET's "R" gives the shortest round-tripping digits (since .NET Core 3.0); only their placement differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? shortest : shortest[..e];
        var exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var n = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        n -= leading;
        var k = digits.Length;

        var text = new StringBuilder(negative ? "-" : string.Empty);
        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string ReadString(Func<string?> read)
    {
        try
        {
            return read() ?? string.Empty;
        }
        catch (InvalidOperationException e)
        {
            // A lone surrogate cannot be written as I-JSON (RFC 7493 §2.1), which RFC 8785 §3.1 requires.
            throw new FormatException("A JSON string is not valid UTF-16.", e);
        }
    }
}
