using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// The keys an input can be signed with: the named client's own, the other client's (K2), the attacker's (KA,
/// registered nowhere), the client's public key as bytes (to key an HMAC with: algorithm confusion, RFC 8725 §2.1),
/// and the client's shared secret when it has one.
/// </summary>
internal sealed class FuzzKeyRing
{
    public FuzzKeyRing(IReadOnlyList<FuzzSigningKey> clientKeys, FuzzSigningKey otherClient, FuzzSigningKey attacker, byte[]? sharedSecret)
    {
        ClientKeys = clientKeys;
        OtherClient = otherClient;
        Attacker = attacker;
        SharedSecret = sharedSecret;
        PublicKeyBytes = clientKeys.SelectMany(PublicForms).ToArray();
        AttackerJwk = AttackerPublicJwk(attacker);
        AttackerCertificate = Certificate(attacker);
    }

    public IReadOnlyList<FuzzSigningKey> ClientKeys { get; }

    public FuzzSigningKey OtherClient { get; }

    public FuzzSigningKey Attacker { get; }

    public byte[]? SharedSecret { get; }

    /// <summary>The client's public keys in the forms an HMAC might wrongly be keyed with: JWK JSON, SPKI DER, PEM, the raw modulus or point.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> PublicKeyBytes { get; }

    /// <summary>The attacker's public key as a JWK carrying the client's kid, for an embedded <c>jwk</c> header.</summary>
    public string AttackerJwk { get; }

    /// <summary>A self-signed certificate of the attacker's key, base64 DER, for an <c>x5c</c> header.</summary>
    public string AttackerCertificate { get; }

    private static IEnumerable<(string, byte[])> PublicForms(FuzzSigningKey key)
    {
        if (key.PrivateKey is RsaSecurityKey rsaKey)
        {
            var p = Rsa(rsaKey).ExportParameters(false);
            using var rsa = RSA.Create(p);
            var jwk = $"{{\"kty\":\"RSA\",\"e\":\"{Base64UrlEncoder.Encode(p.Exponent)}\",\"n\":\"{Base64UrlEncoder.Encode(p.Modulus)}\",\"kid\":\"{key.Kid}\"}}";
            yield return ($"{key.Kid} JWK", Encoding.UTF8.GetBytes(jwk));
            yield return ($"{key.Kid} SPKI", rsa.ExportSubjectPublicKeyInfo());
            yield return ($"{key.Kid} PEM", Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()));
            yield return ($"{key.Kid} modulus", p.Modulus!);
        }
        else
        {
            var ec = ((ECDsaSecurityKey)key.PrivateKey).ECDsa;
            var p = ec.ExportParameters(false);
            yield return ($"{key.Kid} SPKI", ec.ExportSubjectPublicKeyInfo());
            yield return ($"{key.Kid} point", [.. p.Q.X!, .. p.Q.Y!]);
        }
    }

    private static RSA Rsa(RsaSecurityKey key) => key.Rsa ?? RSA.Create(key.Parameters);

    private static string AttackerPublicJwk(FuzzSigningKey attacker)
    {
        var p = Rsa((RsaSecurityKey)attacker.PrivateKey).ExportParameters(false);
        return $"{{\"kty\":\"RSA\",\"e\":\"{Base64UrlEncoder.Encode(p.Exponent)}\",\"n\":\"{Base64UrlEncoder.Encode(p.Modulus)}\",\"kid\":\"k1\"}}";
    }

    private static string Certificate(FuzzSigningKey attacker)
    {
        var rsa = Rsa((RsaSecurityKey)attacker.PrivateKey);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=attacker", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        return Convert.ToBase64String(certificate.RawData);
    }
}
