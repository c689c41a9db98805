using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Demo;

/// <summary>PKCE with S256 (RFC 7636 §4.1, §4.2).</summary>
internal static class Pkce
{
    /// <summary>A fresh verifier (32 random bytes: 43 base64url characters) and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Create()
    {
        var verifier = RandomValue();
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }

    /// <summary>An unguessable value (256 bits) for state, nonce, verifier and jti.</summary>
    public static string RandomValue() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
}
