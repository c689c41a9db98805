using System.Text;
using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Changes to the serialized header or payload before it is signed: whitespace (JSON's and others), a byte order
/// mark, trailing bytes, comments, another top-level value, invalid UTF-8 (overlong forms, surrogates, truncated
/// sequences), other encodings (UTF-16, UTF-32, Latin-1), truncation, and a base64url spelling that is not canonical.
/// </summary>
internal static class EncodingMutations
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xC0, 0xA2], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00],
    ];

    public static Gen<Mutation> Any =>
        Gen.Select(Gen.Bool, Gen.Int[0, 16], Gen.Int[0, 1000], Gen.Int[0, InvalidUtf8.Length - 1], static (header, kind, position, invalid) =>
        {
            var where = header ? "header" : "payload";
            Func<byte[], byte[]>? edit = kind switch
            {
                0 => b => Replace(b, ",", " ,\n\t"),
                1 => b => Replace(b, ":", " :\r\n "),
                2 => b => Replace(b, ",", "\u00a0,"),
                3 => b => Replace(b, ":", "\u2028:"),
                4 => b => [0xEF, 0xBB, 0xBF, .. b],
                5 => b => [.. b, .. "x"u8],
                6 => b => [.. b, .. "{}"u8],
                7 => b => [.. b, 0],
                8 => b => [.. b, .. " \n"u8],
                9 => b => b.Length > 1 ? [.. b[..^1], .. ",}"u8] : b,
                10 => b => b.Length > 1 ? [b[0], .. "/*c*/"u8, .. b[1..]] : b,
                11 => b => [(byte)'[', .. b, (byte)']'],
                12 => b => InsertInString(b, position, InvalidUtf8[invalid]),
                13 => b => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b)),
                14 => b => Encoding.UTF32.GetBytes(Encoding.UTF8.GetString(b)),
                15 => b => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(b)),
                _ => b => b[..(position % Math.Max(b.Length, 1))],
            };
            var name = kind switch
            {
                0 or 1 => "JSON whitespace",
                2 or 3 => "non-JSON whitespace",
                4 => "byte order mark",
                5 or 6 or 7 or 8 => "trailing bytes",
                9 => "trailing comma",
                10 => "comment",
                11 => "wrapped in an array",
                12 => $"invalid UTF-8 {Convert.ToHexString(InvalidUtf8[invalid])} in a string",
                13 => "UTF-16",
                14 => "UTF-32",
                15 => "Latin-1",
                _ => $"truncated at {position}",
            };
            return new Mutation($"{where} bytes: {name}", d => (header ? d.HeaderBytes : d.PayloadBytes).Add(edit));
        });

    /// <summary>A base64url spelling of the same bytes that is not canonical (RFC 7515 §2: no padding; unused bits zero).</summary>
    public static Gen<Mutation> NonCanonical =>
        Gen.Bool.Select(static header => new Mutation(
            header ? "header segment not canonical" : "payload segment not canonical",
            d =>
            {
                if (header)
                {
                    d.NonCanonicalHeaderSegment = true;
                }
                else
                {
                    d.NonCanonicalPayloadSegment = true;
                }
            }));

    private static byte[] Replace(byte[] bytes, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(from, to, StringComparison.Ordinal));

    /// <summary>Inserts bytes just inside the n-th string literal (counting opening quotes), so the JSON is well formed but the text is not UTF-8.</summary>
    private static byte[] InsertInString(byte[] bytes, int n, byte[] insert)
    {
        var quotes = bytes.Select((b, i) => (b, i)).Where(static p => p.b == (byte)'"').Select(static p => p.i).ToArray();
        if (quotes.Length == 0)
        {
            return [.. insert, .. bytes];
        }

        var at = quotes[(n % ((quotes.Length + 1) / 2)) * 2] + 1;
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }
}
