using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>
/// R0 spoilt in one named way (docs/conformance/catalogue.md A7, A8): not a strict compact JWS (RFC 7515 §2, §7.1), or a header or
/// payload that is not a UTF-8 JSON object (RFC 7515 §5.2, RFC 7519 §7.2). Signed payloads are signed for real.
/// </summary>
public static class MalformedRequestObject
{
    public static string Make(RequestObjectBuilder builder, string defect)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var valid = builder.Build();
        var parts = valid.Split('.');
        return defect switch
        {
            "two-segments" => $"{parts[0]}.{parts[1]}",
            "four-segments" => valid + ".AAAA",
            "padding" => $"{parts[0]}.{parts[1]}==.{parts[2]}",
            "plus-for-minus" => $"{parts[0]}.{parts[1]}.{PlusForMinus(parts[2])}",
            "space" => $"{parts[0]}.{parts[1][..10]} {parts[1][10..]}.{parts[2]}",
            "newline" => $"{parts[0]}.{parts[1]}.\n{parts[2]}",
            "empty-header" => $".{parts[1]}.{parts[2]}",
            "not-base64" => $"{parts[0]}.{parts[1]}%.{parts[2]}",
            "payload-array" => builder.BuildWithPayload("[1,2]"),
            "payload-string" => builder.BuildWithPayload("\"x\""),
            "payload-number" => builder.BuildWithPayload("42"),
            "payload-null" => builder.BuildWithPayload("null"),
            "payload-invalid-utf8" => $"{parts[0]}.{Base64UrlEncoder.Encode([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'])}.{parts[2]}",
            "header-array" => $"{Base64UrlEncoder.Encode("[]")}.{parts[1]}.{parts[2]}",
            _ => throw new ArgumentOutOfRangeException(nameof(defect), defect, null),
        };
    }

    // base64url '-' and '_' become base64 '+' and '/'; a 2048-bit signature has hundreds of characters, so it contains some.
    private static string PlusForMinus(string segment)
    {
        segment.IndexOfAny(['-', '_']).ShouldBeGreaterThanOrEqualTo(0);
        return segment.Replace('-', '+').Replace('_', '/');
    }
}
