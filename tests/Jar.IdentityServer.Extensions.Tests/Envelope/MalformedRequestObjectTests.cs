using System.Text;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Envelope;

/// <summary>
/// JAR105 (docs/conformance/catalogue.md A7, A8): a compact JWS in strict base64url whose header and payload are UTF-8 JSON objects
/// with no member named twice. Each bad input is R0 changed in one way, and signed where it can be, so the shape
/// alone is what is refused.
/// </summary>
public sealed class MalformedRequestObjectTests
{
    private const string Header = """{"alg":"PS256","kid":"k1"}""";

    [Theory]
    [InlineData("two segments")]
    [InlineData("four segments")]
    [InlineData("padding")]
    [InlineData("plus sign")]
    [InlineData("slash")]
    [InlineData("space")]
    [InlineData("newline")]
    [InlineData("empty header")]
    [InlineData("empty payload")]
    [InlineData("non-canonical trailing bits")]
    public async Task Refuses_request_object_not_in_strict_compact_serialization(string defect)
    {
        using var engine = new TestEngine();
        var parts = engine.R0().Compact().Split('.');
        var (header, payload, signature) = (parts[0], parts[1], parts[2]);
        var requestObject = defect switch
        {
            "two segments" => header + "." + payload,
            "four segments" => header + "." + payload + "." + signature + ".AAAA",
            "padding" => header + "." + payload + "=." + signature,
            "plus sign" => header + "." + payload + "." + "+" + signature[1..],
            "slash" => header + "." + payload + "." + "/" + signature[1..],
            "space" => header + "." + payload[..10] + " " + payload[10..] + "." + signature,
            "newline" => header + "." + payload + "\n." + signature,
            "empty header" => "." + payload + "." + signature,
            "empty payload" => header + ".." + signature,
            "non-canonical trailing bits" => NonCanonical(header) + "." + payload + "." + signature,
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"kid":"k1"}""")]
    [InlineData("""{"alg":5,"kid":"k1"}""")]
    [InlineData("""{"alg":"PS256","kid":7}""")]
    [InlineData("""{"alg":"PS256","kid":"k1","typ":1}""")]
    [InlineData("""{"alg":"PS256","kid":"k1","alg":"PS256"}""")]
    [InlineData("""{"alg":"PS256","kid":"k1","alg":"none"}""")]
    [InlineData("""{"alg":"PS256","kid":"k1"} {}""")]
    public async Task Refuses_request_object_whose_header_is_not_a_json_object_with_unique_members_and_a_string_alg(string header)
    {
        using var engine = new TestEngine();
        var requestObject = Jws.Sign(header, engine.R0().PayloadJson, TestKeys.K1.Credentials());

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Refuses_correctly_signed_payload_that_is_not_a_json_object(string payload)
    {
        using var engine = new TestEngine();
        var requestObject = Jws.Sign(Header, payload, TestKeys.K1.Credentials());

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_payload_with_a_member_named_twice()
    {
        using var engine = new TestEngine();
        var payload = engine.R0().PayloadJson.Replace("{", """{"client_id":"c2",""", StringComparison.Ordinal);

        var decision = await engine.SendAsync(Jws.Sign(Header, payload, TestKeys.K1.Credentials()));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_payload_with_a_member_named_twice_with_equal_values()
    {
        using var engine = new TestEngine();
        var payload = engine.R0().PayloadJson.Replace("{", """{"client_id":"c1",""", StringComparison.Ordinal);

        var decision = await engine.SendAsync(Jws.Sign(Header, payload, TestKeys.K1.Credentials()));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_payload_with_trailing_content_after_the_object()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(Jws.Sign(Header, engine.R0().PayloadJson + " {}", TestKeys.K1.Credentials()));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_payload_nested_deeper_than_the_reader_allows()
    {
        using var engine = new TestEngine();
        var deep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));
        var payload = engine.R0().PayloadJson.Replace("{", "{\"x_deep\":" + deep + ",", StringComparison.Ordinal);

        var decision = await engine.SendAsync(Jws.Sign(Header, payload, TestKeys.K1.Credentials()));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Theory]
    [InlineData("\"state\":\"\u0001\"")]
    [InlineData("\"x_list\":[\"\u0001\"]")]
    [InlineData("\"\u0001\":\"x\"")]
    public async Task Refuses_correctly_signed_payload_with_invalid_utf8(string member)
    {
        // RFC 7519 §7.2 step 10, docs/conformance/catalogue.md A8: the bytes C3 28 are not UTF-8 (C3 announces a continuation byte).
        // They go where the placeholder U+0001 stands: in a string value, in an array, in a member name.
        using var engine = new TestEngine();
        var json = engine.R0().Without("state").PayloadJson.Replace("{", "{" + member + ",", StringComparison.Ordinal);
        var payload = Splice(Encoding.UTF8.GetBytes(json), 0x01, [0xC3, 0x28]);

        var decision = await engine.SendAsync(engine.R0().CompactOver(Encoding.UTF8.GetBytes(Header), payload));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    /// <summary>Sets an unused low bit of the last character, so the segment decodes to the same bytes under a second spelling.</summary>
    private static string NonCanonical(string segment)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        (segment.Length % 4).ShouldBeOneOf(2, 3);
        var last = alphabet.IndexOf(segment[^1], StringComparison.Ordinal);
        return segment[..^1] + alphabet[last | 1];
    }

    private static byte[] Splice(byte[] bytes, byte marker, byte[] replacement)
    {
        var index = Array.IndexOf(bytes, marker);
        index.ShouldBeGreaterThanOrEqualTo(0);
        return [.. bytes[..index], .. replacement, .. bytes[(index + 1)..]];
    }
}
