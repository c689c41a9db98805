using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// The strict reading of a compact serialization (RFC 7515 §7.1): segments in canonical base64url, a header and a
/// payload that are UTF-8 JSON objects with no member named twice.
/// </summary>
internal sealed class CompactJws
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private CompactJws(JoseHeader header, Dictionary<string, ClaimValue> claims)
    {
        Header = header;
        Claims = claims;
    }

    public JoseHeader Header { get; }

    public Dictionary<string, ClaimValue> Claims { get; }

    /// <summary>Counts the dot-separated segments: 3 for a JWS, 5 for a JWE.</summary>
    public static int CountSegments(string token) => token.AsSpan().Count('.') + 1;

    /// <summary>Parses a three-segment JWS; on failure returns null and a safe reason.</summary>
    public static CompactJws? TryParse(string token, out string? error)
    {
        var span = token.AsSpan();
        var first = span.IndexOf('.');
        var second = first < 0 ? -1 : span[(first + 1)..].IndexOf('.');
        if (first < 0 || second < 0 || span[(first + 1 + second + 1)..].Contains('.'))
        {
            error = "The request object is not a compact JWS of three segments.";
            return null;
        }

        var headerSegment = span[..first];
        var payloadSegment = span.Slice(first + 1, second);
        var signatureSegment = span[(first + 1 + second + 1)..];
        if (headerSegment.IsEmpty || payloadSegment.IsEmpty || !IsCanonicalBase64Url(headerSegment) ||
            !IsCanonicalBase64Url(payloadSegment) || !IsCanonicalBase64Url(signatureSegment))
        {
            error = "The request object is not in strict base64url (RFC 7515 §2).";
            return null;
        }

        var header = Decode(headerSegment, ReadHeader, out error);
        if (header is null)
        {
            return null;
        }

        var claims = Decode(payloadSegment, ReadClaims, out error);
        return claims is null ? null : new CompactJws(header, claims);
    }

    /// <summary>Only A–Z, a–z, 0–9, '-' and '_', no padding, and unused trailing bits zero, so one object has one spelling.</summary>
    internal static bool IsCanonicalBase64Url(ReadOnlySpan<char> segment)
    {
        if (segment.Length % 4 == 1 || segment.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        var lastValue = segment.Length == 0 ? 0 : Base64UrlAlphabetString.IndexOf(segment[^1], StringComparison.Ordinal);
        return (segment.Length % 4) switch
        {
            2 => (lastValue & 0x0F) == 0,
            3 => (lastValue & 0x03) == 0,
            _ => true,
        };
    }

    private const string Base64UrlAlphabetString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly SearchValues<char> Base64UrlAlphabet = SearchValues.Create(Base64UrlAlphabetString);

    private delegate T? Reader<T>(ReadOnlySpan<byte> json, out string? error)
        where T : class;

    private static T? Decode<T>(ReadOnlySpan<char> segment, Reader<T> read, out string? error)
        where T : class
    {
        var length = Base64Url.GetMaxDecodedLength(segment.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (Base64Url.DecodeFromChars(segment, rented, out _, out var written) != OperationStatus.Done)
            {
                error = "The request object is not in strict base64url (RFC 7515 §2).";
                return null;
            }

            return read(rented.AsSpan(0, written), out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static JoseHeader? ReadHeader(ReadOnlySpan<byte> json, out string? error)
    {
        string? alg = null, kid = null, typ = null;
        var unsupported = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ok = ReadObject(json, names, (name, value) =>
        {
            switch (name)
            {
                case "alg" when value.IsString:
                    alg = value.Text;
                    return true;
                case "kid" when value.IsString:
                    kid = value.Text;
                    return true;
                case "typ" when value.IsString:
                    typ = value.Text;
                    return true;
                case "alg" or "kid" or "typ":
                    return false;

                // RFC 7515 §4.1.11: no extension is understood here, so any critical one refuses the object; zip
                // is a JWE-only parameter (RFC 7516 §4.1.3) and b64 changes what the signature covers (RFC 7797).
                case "crit" or "zip" or "b64":
                    unsupported = true;
                    return true;
                default:
                    return true;
            }
        });
        if (!ok || alg is null)
        {
            error = "The request object header is not a JSON object with a string 'alg' (RFC 7515 §4.1.1).";
            return null;
        }

        error = null;
        return new JoseHeader(alg, kid, typ, unsupported);
    }

    private static Dictionary<string, ClaimValue>? ReadClaims(ReadOnlySpan<byte> json, out string? error)
    {
        var claims = new Dictionary<string, ClaimValue>(16, StringComparer.Ordinal);
        var ok = ReadObject(json, null, (name, value) => claims.TryAdd(name, value));
        error = ok ? null : "The request object payload is not a UTF-8 JSON object with unique member names (RFC 7519 §7.2).";
        return ok ? claims : null;
    }

    /// <summary>Walks a JSON object's members; false when it is not one, is not valid UTF-8 JSON, or a visitor refuses.</summary>
    private static bool ReadObject(ReadOnlySpan<byte> json, HashSet<string>? names, Func<string, ClaimValue, bool> visit)
    {
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    // Nothing may follow the object.
                    return !reader.Read();
                }

                var name = reader.GetString()!;
                if (names is not null && !names.Add(name))
                {
                    return false;
                }

                reader.Read();
                ClaimValue value;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        value = new ClaimValue(JsonValueKind.String, reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        value = new ClaimValue(JsonValueKind.Number, StrictUtf8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.True:
                        value = new ClaimValue(JsonValueKind.True, "true");
                        break;
                    case JsonTokenType.False:
                        value = new ClaimValue(JsonValueKind.False, "false");
                        break;
                    case JsonTokenType.Null:
                        value = new ClaimValue(JsonValueKind.Null, "null");
                        break;
                    default:
                        var start = (int)reader.TokenStartIndex;
                        var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
                        reader.Skip();
                        var end = (int)reader.BytesConsumed;
                        value = new ClaimValue(kind, StrictUtf8.GetString(json[start..end]));
                        break;
                }

                if (!visit(name, value))
                {
                    return false;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Invalid UTF-8 inside a string surfaces here (RFC 7519 §7.2 step 10: the payload must be UTF-8).
            return false;
        }
    }
}

/// <summary>The JOSE header members the engine reads.</summary>
internal sealed record JoseHeader(string Algorithm, string? KeyId, string? Type, bool HasUnsupportedMembers);
