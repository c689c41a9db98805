using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Changes to the compact serialization after signing (RFC 7515 §7.1): a character flipped, inserted or removed,
/// padding, the standard base64 alphabet, whitespace, extra or missing dots, five segments, segments swapped or
/// repeated, percent-encoding and Unicode dots.
/// </summary>
internal static class CompactMutations
{
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly string[] Inserts = [".", "=", "+", "/", " ", "\n", "\t", "%", "\u00e9", "\uff0e", "\u2024", "\0", "A", "..", "%2E", "\ud800"];

    public static Gen<(string Name, Func<string, string> Apply)> Any =>
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 100_000], Gen.Int[0, Inserts.Length - 1], static (kind, position, insert) =>
        {
            (string, Func<string, string>) change = kind switch
            {
                0 => ($"flip the character at {position}", s => s.Length == 0 ? s : Flip(s, position % s.Length)),
                1 => ($"insert '{Escape(Inserts[insert])}' at {position}", s => s.Insert(position % (s.Length + 1), Inserts[insert])),
                2 => ($"remove the character at {position}", s => s.Length == 0 ? s : s.Remove(position % s.Length, 1)),
                3 => ($"truncate at {position}", s => s[..(position % (s.Length + 1))]),
                4 => ($"pad segment {position % 3} with '='", s => MapSegment(s, position % 3, static p => p + "==")),
                5 => ("standard base64 alphabet", static s => s.Replace('-', '+').Replace('_', '/')),
                6 => ("surrounding whitespace", static s => " " + s + "\n"),
                7 => ("trailing dot", static s => s + "."),
                8 => ("empty segment added", static s => s.Replace(".", "..", StringComparison.Ordinal)),
                9 => ("five segments", static s => s + ".AAAA.AAAA"),
                10 => ("header and payload swapped", static s => Segments(s) is [var h, var p, var sig] ? p + "." + h + "." + sig : s),
                11 => ("payload repeated", static s => Segments(s) is [var h, var p, var sig] ? h + "." + p + "." + p + "." + sig : s),
                12 => ("signature removed", static s => s[..(s.LastIndexOf('.') + 1)]),
                13 => ("dots percent-encoded", static s => s.Replace(".", "%2E", StringComparison.Ordinal)),
                14 => ("upper-cased", static s => s.ToUpperInvariant()),
                _ => ("signature segment doubled", static s => Segments(s) is [var h, var p, var sig] ? h + "." + p + "." + sig + sig : s),
            };
            return change;
        });

    private static string Flip(string s, int at)
    {
        var index = Base64Url.IndexOf(s[at], StringComparison.Ordinal);
        var replacement = index < 0 ? 'A' : Base64Url[(index + 1) % Base64Url.Length];
        return s[..at] + replacement + s[(at + 1)..];
    }

    private static string MapSegment(string s, int segment, Func<string, string> map)
    {
        var parts = s.Split('.');
        if (segment < parts.Length)
        {
            parts[segment] = map(parts[segment]);
        }

        return string.Join('.', parts);
    }

    private static string[] Segments(string s) => s.Split('.');

    private static string Escape(string s) => string.Concat(s.Select(static c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
