using System.Text;
using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// JSON value tokens near the valid ones and across the grammar's edges: strings with Unicode lookalikes, invisible
/// characters, escapes and lone surrogates; numbers as strings, huge, negative, fractional, exponent forms and
/// invalid spellings; arrays and objects, nested past any sane depth; literals; tokens that are not JSON at all.
/// </summary>
internal static class JsonValues
{
    /// <summary>The NumericDate offsets around every boundary the time rules have (skew 15 s, lifetime 60 min, iat 1 day).</summary>
    private static readonly long[] TimeOffsets =
        [0, -1, 1, 14, 15, 16, 59, 60, 61, 299, 300, 301, 3599, 3600, 3601, 3614, 3615, 3616, -15, -16, -3600, -3615, -3616, -86400, -86401, 86400];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "1.5", "1e2", "1E400", "-1E400", "1e-400", "0.0000001", "99999999999999999999999999999",
        "253402300799", "253402300800", "18446744073709551616", "9007199254740993", "-9223372036854775809", "1.0e+3",
    ];

    private static readonly string[] NotJson =
    [
        "", "01", "+1", ".5", "1.", "0x10", "NaN", "Infinity", "-Infinity", "1e", "--1", "nul", "tru", "undefined",
        "'single'", "\"unterminated", "[1,]", "{\"a\"}", "1 2", "\"a\" \"b\"", "[", "{", "}", "]", "\"\\x41\"", "\"\\u12\"",
        "\"tab\there\"", "\"nl\nhere\"", "/*c*/1",
    ];

    /// <summary>Strings that look like, or nearly are, the values that matter.</summary>
    public static string[] Strings(FuzzContext c) =>
    [
        "", " ", "\t", c.ClientId, c.OtherClientId, c.ClientId.ToUpperInvariant(), c.ClientId + " ", " " + c.ClientId,
        c.ClientId + "\0", c.ClientId + "\u200b", "\u200d" + c.ClientId, Lookalike(c.ClientId), Fullwidth(c.ClientId),
        c.Issuer, c.Issuer + "/", c.Issuer.TrimEnd('/'), c.Issuer.ToUpperInvariant(), c.Issuer + "connect/par",
        c.Issuer.Replace("http", "https", StringComparison.Ordinal), Lookalike(c.Issuer),
        c.RedirectUri, c.RedirectUri + "/", c.RedirectUri + "?x=1", c.RedirectUri + "#f", c.RedirectUri.ToUpperInvariant(),
        Lookalike(c.RedirectUri), c.RedirectUri + "\u0000", "https://attacker.example/cb",
        "code", "code id_token", "id_token code", "token", "code ", " code", "CODE", "code\u00a0id_token", "none",
        "S256", "plain", "s256", "S256\0", "openid", "openid accounts", "openid accounts admin", "openid  accounts", "openid\taccounts",
        "none", "None", "PS256", "RS256", "HS256", "ES256", "EdDSA", "ps256", "PS256 ", "PS256\0", "RSA-OAEP-256",
        "oauth-authz-req+jwt", "OAUTH-AUTHZ-REQ+JWT", "application/oauth-authz-req+jwt", "JWT", "jwt", "at+jwt", "dpop+jwt",
        "application/", "oauth-authz-req+jwt\0", "urn:ietf:params:oauth:request_uri:abc",
        "../k1", "k1 ", "K1", "k1\0", "*", "%", "\\", "\"",
        Text(c.Now), Text(c.Now + 300), "1e400", "NaN", "-0", "true", "null", "[]", "{}",
        "\ud800", "\udfff\ud800", "\ud83d\ude00", "\u202e" + c.ClientId, "\ufeff", "e\u0301", "\u0130", "\u00df", "\uffff", "\u0085", "\u2028",
        "\uFDD0", "\U0010FFFF", "\0",
    ];

    /// <summary>Any JSON value token; strings drawn from <see cref="Strings"/> or long runs, in literal or escaped spelling.</summary>
    public static Gen<string> Any(FuzzContext c)
    {
        var strings = Strings(c);
        return Gen.Frequency(
            (30, String(strings)),
            (12, Time(c.Now)),
            (6, Gen.OneOf(Numbers)),
            (6, Array(c, strings)),
            (3, Gen.OneOf("{}", "{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"iss\":" + JsonText.Literal(c.ClientId) + "}")),
            (4, Nested()),
            (4, Gen.OneOf("true", "false", "null")),
            (4, Gen.OneOf(NotJson)),
            (3, Long()),
            (3, Gen.String.Select(JsonText.Literal)));
    }

    /// <summary>A string value, spelled literally mostly, sometimes escaped (the same string: it must read the same).</summary>
    public static Gen<string> String(string[] strings) =>
        Gen.Select(Gen.OneOf(strings), Gen.Int[0, 9], static (s, spelling) => spelling switch
        {
            8 => JsonText.Escaped(s, upper: true),
            9 => JsonText.FirstEscaped(s),
            _ => JsonText.Literal(s),
        });

    /// <summary>A NumericDate near now: as a number, a fraction, an exponent form, or a string (which RFC 7519 §2 forbids).</summary>
    public static Gen<string> Time(long now) =>
        Gen.Select(Gen.OneOf(TimeOffsets), Gen.Int[0, 9], (offset, form) =>
        {
            var t = now + offset;
            return form switch
            {
                7 => Text(t) + ".5",
                8 => "\"" + Text(t) + "\"",
                9 => Text(t / 10) + "e1",
                _ => Text(t),
            };
        });

    private static Gen<string> Array(FuzzContext c, string[] strings) =>
        Gen.Frequency(
            (3, Gen.Select(String(strings), Gen.Int[0, 3], (s, shape) => shape switch
            {
                0 => "[" + s + "]",
                1 => "[" + JsonText.Literal(c.Issuer) + "," + s + "]",
                2 => "[" + s + "," + JsonText.Literal(c.Issuer) + "]",
                _ => "[[" + s + "]]",
            })),
            (1, Gen.OneOf("[]", "[null]", "[" + JsonText.Literal(c.Issuer) + ",5]", "[" + JsonText.Literal(c.Issuer) + "," + JsonText.Literal(c.Issuer) + "]")));

    /// <summary>Arrays and objects nested around the reader's depth limit and far beyond it.</summary>
    private static Gen<string> Nested() =>
        Gen.Select(Gen.OneOf(2, 15, 16, 17, 63, 64, 65, 1000), Gen.Bool, static (depth, array) => array
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));

    /// <summary>Long strings around the length limits (jti 256, a 32 KiB object), in one- to four-byte UTF-8 characters.</summary>
    private static Gen<string> Long() =>
        Gen.Select(Gen.OneOf(255, 256, 257, 1024, 8192, 33_000), Gen.OneOf("a", "\u00e9", "\u20ac", "\ud83d\ude00"), static (length, unit) =>
            JsonText.Literal(string.Concat(Enumerable.Repeat(unit, length / unit.Length))));

    /// <summary>Latin letters replaced by Cyrillic ones that render the same (а, с, е, о, р, х).</summary>
    public static string Lookalike(string value)
    {
        var text = new StringBuilder(value);
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = text[i] switch
            {
                'a' => '\u0430',
                'c' => '\u0441',
                'e' => '\u0435',
                'o' => '\u043e',
                'p' => '\u0440',
                'x' => '\u0445',
                _ => text[i],
            };
        }

        return text.ToString();
    }

    /// <summary>ASCII letters and digits as their fullwidth forms (ｃ１), which NFKC would fold back.</summary>
    public static string Fullwidth(string value) =>
        string.Concat(value.Select(static ch => ch is >= '!' and <= '~' ? (char)(ch - '!' + '\uff01') : ch));

    private static string Text(long value) => JsonText.Number(value);
}
