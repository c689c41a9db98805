using System.Text;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>A generated request object: the compact serialization sent, what was done to it, and its parts as text.</summary>
internal sealed record FuzzedObject(string Compact, string HeaderJson, string PayloadJson, IReadOnlyList<string> Trace)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("  signed and mutated: " + string.Join(" | ", Trace));
        text.AppendLine("  header:  " + Printable(HeaderJson, 600));
        text.AppendLine("  payload: " + Printable(PayloadJson, 1200));
        text.Append("  compact: " + Printable(Compact, 2000));
        return text.ToString();
    }

    /// <summary>Control characters and surrogates escaped, long text cut, so a failure report stays readable.</summary>
    public static string Printable(string value, int max)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] : value)
        {
            text.Append(c is < ' ' or (>= '\ud800' and <= '\udfff') or '\u007f' ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        if (text.Length > max)
        {
            text.Length = max;
        }

        return value.Length > max || text.Length == max ? text.Append($"... ({value.Length} chars)").ToString() : text.ToString();
    }
}
