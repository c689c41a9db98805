using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// A request object being mutated: the JOSE header and the claims as member lists (raw JSON text, so a member may be
/// named twice or hold invalid JSON), then byte-level edits of each serialized part, then the signature.
/// </summary>
internal sealed class ObjectDraft
{
    private ObjectDraft(List<JsonMember> header, List<JsonMember> claims)
    {
        Header = header;
        Claims = claims;
    }

    public List<JsonMember> Header { get; }

    public List<JsonMember> Claims { get; }

    /// <summary>Edits of the header's serialized bytes, applied in order.</summary>
    public List<Func<byte[], byte[]>> HeaderBytes { get; } = [];

    /// <summary>Edits of the payload's serialized bytes, applied in order.</summary>
    public List<Func<byte[], byte[]>> PayloadBytes { get; } = [];

    /// <summary>A segment spelled in base64url that decodes to the same bytes but is not the canonical spelling.</summary>
    public bool NonCanonicalHeaderSegment { get; set; }

    public bool NonCanonicalPayloadSegment { get; set; }

    /// <summary>The members of two JSON objects, as a client library wrote them.</summary>
    public static ObjectDraft From(string headerJson, string payloadJson) => new(Members(headerJson), Members(payloadJson));

    public static List<JsonMember> Members(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().Select(m => new JsonMember(JsonText.Literal(m.Name), m.Value.GetRawText())).ToList();
    }

    public static string Serialize(List<JsonMember> members) => "{" + string.Join(",", members) + "}";

    public byte[] HeaderUtf8() => Edit(Serialize(Header), HeaderBytes);

    public byte[] PayloadUtf8() => Edit(Serialize(Claims), PayloadBytes);

    /// <summary>The JWS signing input (RFC 7515 §5.1 step 6) of the draft as it stands.</summary>
    public string SigningInput() =>
        Segment(HeaderUtf8(), NonCanonicalHeaderSegment) + "." + Segment(PayloadUtf8(), NonCanonicalPayloadSegment);

    private static byte[] Edit(string json, List<Func<byte[], byte[]>> edits)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var edit in edits)
        {
            bytes = edit(bytes);
        }

        return bytes;
    }

    /// <summary>Base64url; non-canonical sets an unused trailing bit when the length leaves one, else appends '=' padding.</summary>
    public static string Segment(byte[] bytes, bool nonCanonical = false)
    {
        var segment = Base64Url.EncodeToString(bytes);
        if (!nonCanonical)
        {
            return segment;
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        if (segment.Length % 4 is 2 or 3)
        {
            var last = Alphabet.IndexOf(segment[^1], StringComparison.Ordinal);
            return segment[..^1] + Alphabet[last | 1];
        }

        return segment + "=";
    }
}
