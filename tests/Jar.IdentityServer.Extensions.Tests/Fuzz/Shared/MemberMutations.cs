using System.Text;
using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Changes to the header's or the payload's members: a value replaced, a member removed, named twice, renamed to a
/// spelling that decodes to the same name or to one that only looks the same, added, or moved.
/// </summary>
internal static class MemberMutations
{
    private static readonly string[] ClaimNames =
    [
        "client_id", "redirect_uri", "scope", "state", "nonce", "response_type", "code_challenge", "code_challenge_method",
        "nbf", "exp", "aud", "iss", "iat", "jti",
    ];

    private static readonly string[] ExtraClaimNames =
    [
        "request", "request_uri", "sub", "claims", "max_age", "prompt", "response_mode", "foo", "", "__proto__",
        "a_member_name_longer_than_thirty_two_characters", "\u00e9t\u00e9", "client_id\0", "authorization_details", "resource",
    ];

    private static readonly string[] HeaderNames = ["alg", "kid", "typ"];

    private static readonly string[] ExtraHeaderNames = ["crit", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "cty", "zip", "b64", "enc", "epk", "iss", "foo", ""];

    /// <summary>Changes to the claims.</summary>
    public static Gen<Mutation> Claims(FuzzContext context)
    {
        var values = JsonValues.Any(context);
        var name = Gen.Frequency((5, Gen.OneOf(ClaimNames)), (1, Gen.OneOf(ExtraClaimNames)));
        return Members(static d => d.Claims, "claims", name, Gen.OneOf(ExtraClaimNames), values);
    }

    /// <summary>Changes to the JOSE header, including members that would carry or point to a key (RFC 8725 §3.10).</summary>
    public static Gen<Mutation> Header(FuzzContext context, string injectedJwk, string injectedCertificate)
    {
        var values = Gen.Frequency(
            (6, JsonValues.String(["none", "None", "PS256", "ES256", "RS256", "PS384", "PS512", "RS512", "HS256", "ES384", "EdDSA", "ps256", "PS256 ", "", "dir", "RSA-OAEP-256"])),
            (6, JsonValues.String([.. context.KeyIds, "", "k1 ", "K1", "../k1", "k1\0", JsonValues.Lookalike("e1"), "' OR '1'='1"])),
            (4, JsonValues.String(["oauth-authz-req+jwt", "OAuth-Authz-Req+JWT", "application/oauth-authz-req+jwt", "JWT", "jwt", "at+jwt", "dpop+jwt", "application/jwt", "", "application/"])),
            (3, Gen.OneOf(injectedJwk, "[" + injectedJwk + "]", "{}")),
            (2, Gen.OneOf("[\"" + injectedCertificate + "\"]", "\"https://attacker.example/jwks.json\"", "[\"exp\"]", "[\"b64\"]", "[]", "false", "\"DEF\"", "\"A256GCM\"")),
            (4, JsonValues.Any(context)));
        var name = Gen.Frequency((4, Gen.OneOf(HeaderNames)), (2, Gen.OneOf(ExtraHeaderNames)));
        return Members(static d => d.Header, "header", name, Gen.OneOf(ExtraHeaderNames), values);
    }

    private static Gen<Mutation> Members(Func<ObjectDraft, List<JsonMember>> part, string where, Gen<string> names, Gen<string> newNames, Gen<string> values) =>
        Gen.Frequency(
            (10, Gen.Select(names, values, (name, value) => new Mutation($"{where}: set {name} = {Short(value)}", d => Set(part(d), name, value)))),
            (4, names.Select(name => new Mutation($"{where}: remove {name}", d => part(d).RemoveAll(m => m.Name == JsonText.Literal(name))))),
            (2, Gen.Select(names, values, Gen.Bool, (name, value, same) => new Mutation(
                $"{where}: {name} twice" + (same ? " (same value)" : $" (second = {Short(value)})"),
                d => Twice(part(d), name, same ? null : value)))),
            (3, Gen.Select(names, Gen.Int[0, 6], (name, spelling) => new Mutation($"{where}: {name} spelled {Spelling(name, spelling)}", d =>
            {
                var members = part(d);
                var i = members.FindIndex(m => m.Name == JsonText.Literal(name));
                if (i >= 0)
                {
                    members[i] = members[i] with { Name = Spelling(name, spelling) };
                }
            }))),
            (2, Gen.Select(newNames, values, (name, value) => new Mutation($"{where}: add {name} = {Short(value)}", d => part(d).Add(new JsonMember(JsonText.Literal(name), value))))),
            (1, Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20], (i, j) => new Mutation($"{where}: swap members {i} and {j}", d =>
            {
                var members = part(d);
                if (members.Count > 0)
                {
                    (members[i % members.Count], members[j % members.Count]) = (members[j % members.Count], members[i % members.Count]);
                }
            }))));

    private static void Set(List<JsonMember> members, string name, string value)
    {
        var literal = JsonText.Literal(name);
        var i = members.FindIndex(m => m.Name == literal);
        if (i >= 0)
        {
            members[i] = members[i] with { Value = value };
        }
        else
        {
            members.Add(new JsonMember(literal, value));
        }
    }

    private static void Twice(List<JsonMember> members, string name, string? value)
    {
        var literal = JsonText.Literal(name);
        var existing = members.Find(m => m.Name == literal);
        members.Add(new JsonMember(literal, value ?? existing?.Value ?? "\"x\""));
    }

    /// <summary>The same name escaped (it must read as the same member), or a name that is a different one.</summary>
    private static string Spelling(string name, int spelling) => spelling switch
    {
        0 => JsonText.Escaped(name),
        1 => JsonText.FirstEscaped(name),
        2 => JsonText.Literal(name.ToUpperInvariant()),
        3 => JsonText.Literal(JsonValues.Lookalike(name)),
        4 => JsonText.Literal(name + " "),
        5 => JsonText.Literal("\ufeff" + name),
        _ => name, // no quotes at all: not JSON
    };

    private static string Short(string value)
    {
        var text = value.Length > 40 ? value[..40] + $"...({value.Length} chars)" : value;
        var printable = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            printable.Append(c is < ' ' or (>= '\ud800' and <= '\udfff') or '\u007f' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return printable.ToString();
    }
}
