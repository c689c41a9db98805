using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Demo;

/// <summary>
/// The client side of a nested request object (RFC 9101 §6.1, RFC 7516 §5.1): the signed object encrypted to the
/// server's RSA key, found in its JWKS, with RSA-OAEP-256 and A256GCM.
/// </summary>
/// <remarks>
/// Microsoft.IdentityModel produces neither RSA-OAEP-256 nor A256GCM, so the JWE is composed over .NET's RSA
/// (OAEP with SHA-256) and AesGcm; no primitive is implemented here.
/// </remarks>
internal static class DemoEncryption
{
    /// <summary>The key management algorithm the demo client uses.</summary>
    public const string Algorithm = "RSA-OAEP-256";

    /// <summary>The content encryption the server advertises.</summary>
    public const string ContentEncryption = "A256GCM";

    /// <summary>Encrypts <paramref name="signed"/> to the server's published RSA encryption key.</summary>
    public static async Task<string> EncryptAsync(HttpClient http, DemoDiscovery discovery, JarPolicy policy, string clientId, string signed, CancellationToken cancellationToken)
    {
        // OpenID Connect Registration §2: only an algorithm that the server advertises and the client registered.
        if (!discovery.RequestObjectEncryptionAlgorithms.Contains(Algorithm) || !policy.AllowedEncryptionAlgorithms.Contains(Algorithm))
        {
            throw new DemoClientException($"Client '{clientId}' must encrypt its request object, and the demo client encrypts with {Algorithm} only: " +
                $"the server advertises [{string.Join(", ", discovery.RequestObjectEncryptionAlgorithms)}], the client's policy allows [{string.Join(", ", policy.AllowedEncryptionAlgorithms.Order(StringComparer.Ordinal))}].");
        }

        var jwksUri = discovery.JsonWebKeySetUri ?? throw new DemoClientException("The discovery document has no 'jwks_uri': there is no key to encrypt to.");
        using var response = await http.GetAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoClientException($"The JWKS at {jwksUri} answered {(int)response.StatusCode}: {body}");
        }

        var key = new JsonWebKeySet(body).Keys.FirstOrDefault(static k =>
                k.Kty == JsonWebAlgorithmsKeyTypes.RSA && k.Use == JsonWebKeyUseNames.Enc && k.Alg is null or Algorithm)
            ?? throw new DemoClientException($"The JWKS at {jwksUri} has no RSA key with use 'enc' for {Algorithm}.");
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) });

        // RFC 7516 §4.1.6 kid names the key; §4.1.12 with RFC 7519 §5.2: cty JWT, the plaintext is itself a JWT.
        var header = new JsonObject { ["alg"] = Algorithm, ["enc"] = ContentEncryption, ["kid"] = key.Kid, ["cty"] = "JWT" };
        var encodedHeader = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header.ToJsonString()));
        var cek = RandomNumberGenerator.GetBytes(32);
        try
        {
            var iv = RandomNumberGenerator.GetBytes(12);
            var plaintext = Encoding.UTF8.GetBytes(signed);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[16];
            using (var gcm = new AesGcm(cek, tag.Length))
            {
                // RFC 7516 §5.1 step 14: the encoded protected header is the additional authenticated data.
                gcm.Encrypt(iv, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(encodedHeader));
            }

            return string.Join('.', encodedHeader, Base64UrlEncoder.Encode(rsa.Encrypt(cek, RSAEncryptionPadding.OaepSHA256)),
                Base64UrlEncoder.Encode(iv), Base64UrlEncoder.Encode(ciphertext), Base64UrlEncoder.Encode(tag));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(cek);
        }
    }
}
