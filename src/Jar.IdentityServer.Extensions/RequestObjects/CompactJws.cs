using System.Buffers;
using System.Buffers.Text;
using System.Collections.Frozen;
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
        var header = new HeaderReader();
        if (!ReadObject(json, ref header) || header.Algorithm is null)
        {
            error = "The request object header is not a JSON object with a string 'alg' (RFC 7515 §4.1.1).";
            return null;
        }

        error = null;
        return new JoseHeader(header.Algorithm, header.KeyId, header.Type, header.HasUnsupportedMembers);
    }

    private static Dictionary<string, ClaimValue>? ReadClaims(ReadOnlySpan<byte> json, out string? error)
    {
        var claims = new ClaimsReader(new Dictionary<string, ClaimValue>(16, StringComparer.Ordinal));
        var ok = ReadObject(json, ref claims);
        error = ok ? null : "The request object payload is not a UTF-8 JSON object with unique member names (RFC 7519 §7.2).";
        return ok ? claims.Claims : null;
    }

    /// <summary>Walks a JSON object's members; false when it is not one, is not valid UTF-8 JSON, or the visitor refuses.</summary>
    private static bool ReadObject<TVisitor>(ReadOnlySpan<byte> json, ref TVisitor visitor)
        where TVisitor : struct, IMemberVisitor
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

                var name = ReadName(ref reader);
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

                if (!visitor.Visit(name, value))
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

    /// <summary>
    /// A member name as a string. Names this server knows are returned as their one shared instance, so a request
    /// object does not cost a new string per registered claim; the text, the unescaping and the UTF-8 check are
    /// the reader's either way (<see cref="Utf8JsonReader.CopyString(Span{char})"/> validates as GetString does).
    /// </summary>
    private static string ReadName(ref Utf8JsonReader reader)
    {
        // Unescaping and transcoding never lengthen a name, so a name of at most this many bytes fits.
        const int MaxPooledNameLength = 32;
        if (reader.ValueSpan.Length > MaxPooledNameLength)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[MaxPooledNameLength];
        var name = buffer[..reader.CopyString(buffer)];
        return KnownNames.TryGetValue(name, out var known) ? known : name.ToString();
    }

    // JOSE header parameters (RFC 7515 §4.1), registered JWT claims (RFC 7519 §4.1) and the authorization request
    // parameters (RFC 6749, RFC 7636, OpenID Connect Core §3.1.2.1, RFC 9101, RFC 9396, RFC 8707).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "alg", "kid", "typ", "cty", "crit", "zip", "b64", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256",
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti",
        "client_id", "response_type", "redirect_uri", "scope", "state", "nonce", "code_challenge",
        "code_challenge_method", "response_mode", "prompt", "max_age", "login_hint", "acr_values", "ui_locales",
        "display", "id_token_hint", "claims", "claims_locales", "request", "request_uri", "authorization_details",
        "resource", "dpop_jkt").GetAlternateLookup<ReadOnlySpan<char>>();

    private interface IMemberVisitor
    {
        /// <summary>Takes one member; false refuses the object.</summary>
        bool Visit(string name, ClaimValue value);
    }

    /// <summary>The header members the engine reads; no member may be named twice.</summary>
    private struct HeaderReader : IMemberVisitor
    {
        private Seen _seen;
        private HashSet<string>? _others;

        [Flags]
        private enum Seen
        {
            None = 0,
            Alg = 1,
            Kid = 2,
            Typ = 4,
            Crit = 8,
            Zip = 16,
            B64 = 32,
        }

        public string? Algorithm { get; private set; }

        public string? KeyId { get; private set; }

        public string? Type { get; private set; }

        public bool HasUnsupportedMembers { get; private set; }

        public bool Visit(string name, ClaimValue value)
        {
            // The members read below are tracked by flag, any other name in a set made only when one appears, so
            // the usual alg/kid/typ header is checked for repeats without allocating.
            var member = name switch
            {
                "alg" => Seen.Alg,
                "kid" => Seen.Kid,
                "typ" => Seen.Typ,
                "crit" => Seen.Crit,
                "zip" => Seen.Zip,
                "b64" => Seen.B64,
                _ => Seen.None,
            };
            if (member == Seen.None ? !(_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(name) : (_seen & member) != 0)
            {
                return false;
            }

            _seen |= member;
            switch (member)
            {
                case Seen.Alg when value.IsString:
                    Algorithm = value.Text;
                    return true;
                case Seen.Kid when value.IsString:
                    KeyId = value.Text;
                    return true;
                case Seen.Typ when value.IsString:
                    Type = value.Text;
                    return true;
                case Seen.Alg or Seen.Kid or Seen.Typ:
                    return false;

                // RFC 7515 §4.1.11: no extension is understood here, so any critical one refuses the object; zip
                // is a JWE-only parameter (RFC 7516 §4.1.3) and b64 changes what the signature covers (RFC 7797).
                case Seen.Crit or Seen.Zip or Seen.B64:
                    HasUnsupportedMembers = true;
                    return true;
                default:
                    return true;
            }
        }
    }

    /// <summary>The payload's members; a name seen twice refuses the object (RFC 7519 §4).</summary>
    private readonly struct ClaimsReader(Dictionary<string, ClaimValue> claims) : IMemberVisitor
    {
        public Dictionary<string, ClaimValue> Claims { get; } = claims;

        public bool Visit(string name, ClaimValue value) => Claims.TryAdd(name, value);
    }
}

/// <summary>The JOSE header members the engine reads.</summary>
internal sealed record JoseHeader(string Algorithm, string? KeyId, string? Type, bool HasUnsupportedMembers);
