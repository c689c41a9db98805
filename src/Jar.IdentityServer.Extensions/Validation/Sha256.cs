using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Jar.IdentityServer.Extensions;

/// <summary>SHA-256 of text as UTF-8, in the two spellings the trail uses.</summary>
internal static class Sha256
{
    /// <summary>Lower-case hex, as request object hashes have always been recorded.</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(Digest(text));

    /// <summary>Unpadded base64url (RFC 4648 §5), as the intent hash and the chain hashes are written.</summary>
    public static string Base64Url(string text) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(Digest(text));

    public static byte[] Digest(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return SHA256.HashData(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
