using System.Buffers.Text;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>
/// Compact serialization (RFC 7515 §7.1) over exact bytes, so a test can sign a header or payload that no JWT
/// library would write (duplicate members, invalid UTF-8, a JSON array). The signature itself is Microsoft.IdentityModel's.
/// </summary>
internal static class Jws
{
    public static string Segment(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static string Segment(string text) => Segment(Encoding.UTF8.GetBytes(text));

    public static string Sign(string headerJson, string payloadJson, SigningCredentials credentials) =>
        Sign(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), credentials);

    public static string Sign(byte[] header, byte[] payload, SigningCredentials credentials)
    {
        var signingInput = Segment(header) + "." + Segment(payload);
        var factory = credentials.CryptoProviderFactory ?? credentials.Key.CryptoProviderFactory;
        var provider = factory.CreateForSigning(credentials.Key, credentials.Algorithm);
        try
        {
            return signingInput + "." + Segment(provider.Sign(Encoding.ASCII.GetBytes(signingInput)));
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }

    /// <summary>An unsecured JWS (RFC 7515 Appendix A.5): an empty signature segment.</summary>
    public static string Unsigned(byte[] header, byte[] payload) => Segment(header) + "." + Segment(payload) + ".";

    /// <summary>Every signature byte XORed with 0x5A, as the conformance suite's InvalidateRequestObjectSignature does.</summary>
    public static string CorruptSignature(string compact)
    {
        var parts = compact.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] ^= 0x5A;
        }

        return parts[0] + "." + parts[1] + "." + Segment(signature);
    }

    /// <summary>The payload replaced after signing, so the signature no longer covers it.</summary>
    public static string ReplacePayload(string compact, string payloadJson)
    {
        var parts = compact.Split('.');
        return parts[0] + "." + Segment(payloadJson) + "." + parts[2];
    }
}
