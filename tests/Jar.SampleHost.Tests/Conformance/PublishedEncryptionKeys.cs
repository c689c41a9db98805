using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jar.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// The host's request object encryption keys as a client finds them (RFC 9101 §6.1): the discovery document's
/// <c>jwks_uri</c>, then the keys with <c>use: enc</c>, one RSA key (RSA-OAEP-256) and one EC key (ECDH-ES).
/// </summary>
public sealed class PublishedEncryptionKeys : IDisposable
{
    private PublishedEncryptionKeys(JsonElement metadata, JsonElement[] keys)
    {
        Metadata = metadata;
        Keys = keys;
        var rsa = keys.Single(k => k.GetProperty("kty").GetString() == "RSA");
        RsaKid = rsa.GetProperty("kid").GetString()!;
        Rsa = RSA.Create(new RSAParameters { Modulus = Bytes(rsa, "n"), Exponent = Bytes(rsa, "e") });
        var ec = keys.Single(k => k.GetProperty("kty").GetString() == "EC");
        EcKid = ec.GetProperty("kid").GetString()!;
        Ec = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Bytes(ec, "x"), Y = Bytes(ec, "y") },
        });
    }

    /// <summary>The discovery document.</summary>
    public JsonElement Metadata { get; }

    /// <summary>The encryption keys exactly as the JWKS publishes them.</summary>
    public IReadOnlyList<JsonElement> Keys { get; }

    /// <summary>The server's RSA public key, for RSA-OAEP-256.</summary>
    public RSA Rsa { get; }

    public string RsaKid { get; }

    /// <summary>The server's P-256 public key, for ECDH-ES.</summary>
    public ECDiffieHellman Ec { get; }

    public string EcKid { get; }

    /// <summary>Reads discovery and the JWKS over <paramref name="backChannel"/>.</summary>
    public static async Task<PublishedEncryptionKeys> FetchAsync(HttpClient backChannel)
    {
        ArgumentNullException.ThrowIfNull(backChannel);
        using var metadata = JsonDocument.Parse(await backChannel.GetStringAsync(new Uri(".well-known/openid-configuration", UriKind.Relative)).ConfigureAwait(false));
        var jwksUri = new Uri(metadata.RootElement.GetProperty("jwks_uri").GetString()!);
        using var jwks = JsonDocument.Parse(await backChannel.GetStringAsync(jwksUri).ConfigureAwait(false));
        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray()
            .Where(static k => k.TryGetProperty("use", out var use) && use.GetString() == "enc")
            .Select(static k => k.Clone())
            .ToArray();
        return new PublishedEncryptionKeys(metadata.RootElement.Clone(), keys);
    }

    /// <summary>
    /// <paramref name="plaintext"/> encrypted to the published key of <paramref name="algorithm"/> (RSA-OAEP-256 or
    /// ECDH-ES) under its kid, with A256GCM; <paramref name="header"/> changes the protected header first.
    /// </summary>
    public string Encrypt(string plaintext, string algorithm, Action<JsonObject>? header = null) => algorithm switch
    {
        "RSA-OAEP-256" => Jwe.RsaOaep256(plaintext, Rsa, RsaKid, header),
        "ECDH-ES" => Jwe.EcdhEs(plaintext, Ec, EcKid, header),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "The server publishes keys for RSA-OAEP-256 and ECDH-ES."),
    };

    public void Dispose()
    {
        Rsa.Dispose();
        Ec.Dispose();
    }

    private static byte[] Bytes(JsonElement key, string member) => Base64UrlEncoder.DecodeBytes(key.GetProperty(member).GetString()!);
}
