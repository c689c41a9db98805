using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>
/// Compact JWS serialization (RFC 7515 §7.1) over any header and payload, so tests can send what a careless or
/// hostile client would. The signature itself is always Microsoft.IdentityModel's.
/// </summary>
public static class Jws
{
    // No provider cache: the attacker key and K1 share a kid, and each signature must come from the key given.
    private static readonly CryptoProviderFactory Crypto = new() { CacheSignatureProviders = false };

    public static string Encode(JsonObject header, string payloadJson, SecurityKey? key, string? algorithm)
    {
        var signingInput = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payloadJson);
        if (key is null || algorithm is null)
        {
            return signingInput + ".";
        }

        var provider = Crypto.CreateForSigning(key, algorithm);
        try
        {
            return signingInput + "." + Base64UrlEncoder.Encode(provider.Sign(Encoding.ASCII.GetBytes(signingInput)));
        }
        finally
        {
            Crypto.ReleaseSignatureProvider(provider);
        }
    }
}
