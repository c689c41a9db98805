using System.Security.Cryptography;
using System.Text.Json;
using Jar.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group I of docs/conformance/catalogue.md: encrypted (nested JWE) request objects, RFC 9101 §6.1. The client signs R0, then
/// encrypts it to a key it found in the host's JWKS. Each refusal is checked by value (local 400 page, no redirect)
/// and through PAR (400 JSON from /connect/par, no request_uri issued); each acceptance completes the code flow.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class EncryptedRequestObjectConformanceTests(ConformanceHost host)
{
    private const string InvalidRequestObject = "invalid_request_object";
    private const string RsaOaep256 = "RSA-OAEP-256";
    private const string EcdhEs = "ECDH-ES";

    [Fact, Row("I2")] // RFC 9101 §6.1 with OpenID Connect Discovery §3: a client encrypts only with what is advertised, to a published key.
    public async Task Discovery_lists_the_encryption_algorithms_and_the_JWKS_publishes_only_the_public_halves_of_the_keys()
    {
        var keys = await host.EncryptionKeysAsync();

        Strings(keys.Metadata, "request_object_encryption_alg_values_supported").ShouldBe([EcdhEs, RsaOaep256]);
        Strings(keys.Metadata, "request_object_encryption_enc_values_supported").ShouldBe(["A256GCM"]);
        keys.Keys.Select(k => (k.GetProperty("kty").GetString(), k.GetProperty("alg").GetString())).Order().ShouldBe([("EC", EcdhEs), ("RSA", RsaOaep256)]);
        foreach (var key in keys.Keys)
        {
            ((string[])["d", "p", "q", "dp", "dq", "qi", "k"]).Where(m => key.TryGetProperty(m, out _)).ShouldBeEmpty();
        }

        // The published keys are the ones the host generated on its first start and keeps, private halves included.
        var kept = new JsonWebKeySet(await File.ReadAllTextAsync(host.GeneratedDecryptionKeysFile));
        kept.Keys.Select(k => k.Kid).Order(StringComparer.Ordinal).ShouldBe(new[] { keys.RsaKid, keys.EcKid }.Order(StringComparer.Ordinal));
        kept.Keys.ShouldAllBe(k => k.HasPrivateKey);
    }

    [Theory, Row("I4")] // Control: a client that must encrypt, and one that may, complete the code flow with a nested JWE.
    [InlineData("jwe-required", RsaOaep256, Delivery.ByValue)]
    [InlineData("jwe-required", RsaOaep256, Delivery.Pushed)]
    [InlineData("jwe-required", EcdhEs, Delivery.ByValue)]
    [InlineData("jwe-required", EcdhEs, Delivery.Pushed)]
    [InlineData("c1", RsaOaep256, Delivery.Pushed)]
    [InlineData("c1", EcdhEs, Delivery.ByValue)]
    public async Task Completes_the_code_flow_with_a_signed_then_encrypted_request_object(string clientId, string algorithm, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.Client(clientId));

        var result = await attempt.SendAsync(delivery, keys.Encrypt(attempt.RequestObject.Build(), algorithm));

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("I1")] // RFC 9101 §6.1: "If decryption fails ... MUST return an invalid_request_object error".
    [InlineData(RsaOaep256, true, Delivery.ByValue)] // under the server's kid: the unwrapped key is garbage
    [InlineData(RsaOaep256, true, Delivery.Pushed)]
    [InlineData(RsaOaep256, false, Delivery.ByValue)] // no kid: no key of the server opens it
    [InlineData(RsaOaep256, false, Delivery.Pushed)]
    [InlineData(EcdhEs, true, Delivery.ByValue)] // the agreed key differs
    [InlineData(EcdhEs, true, Delivery.Pushed)]
    [InlineData(EcdhEs, false, Delivery.ByValue)]
    public async Task Refuses_an_object_encrypted_to_a_key_not_in_the_servers_JWKS(string algorithm, bool withServersKid, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);
        var signed = attempt.RequestObject.Build();
        string jwe;
        if (algorithm == RsaOaep256)
        {
            using var foreign = RSA.Create(2048);
            jwe = Jwe.RsaOaep256(signed, foreign, withServersKid ? keys.RsaKid : null);
        }
        else
        {
            using var foreign = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            jwe = Jwe.EcdhEs(signed, foreign, withServersKid ? keys.EcKid : null);
        }

        var result = await attempt.SendAsync(delivery, jwe);

        result.ShouldBeRefused(InvalidRequestObject, "JAR209");
    }

    [Theory, Row("I1")] // RFC 7516 §5.2 steps 10-11: AES-GCM authenticates the IV, the ciphertext and the tag; a wrong CEK fails alike (§11.5).
    [InlineData(RsaOaep256, 3, Delivery.ByValue)] // ciphertext
    [InlineData(RsaOaep256, 3, Delivery.Pushed)]
    [InlineData(RsaOaep256, 4, Delivery.ByValue)] // authentication tag
    [InlineData(RsaOaep256, 4, Delivery.Pushed)]
    [InlineData(RsaOaep256, 1, Delivery.ByValue)] // encrypted key
    [InlineData(RsaOaep256, 2, Delivery.Pushed)] // initialization vector
    [InlineData(EcdhEs, 3, Delivery.ByValue)]
    [InlineData(EcdhEs, 3, Delivery.Pushed)]
    [InlineData(EcdhEs, 4, Delivery.ByValue)]
    [InlineData(EcdhEs, 4, Delivery.Pushed)]
    public async Task Refuses_an_object_with_a_byte_flipped_after_encryption(string algorithm, int segment, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, Jwe.Tamper(keys.Encrypt(attempt.RequestObject.Build(), algorithm), segment));

        result.ShouldBeRefused(InvalidRequestObject, "JAR209");
    }

    [Theory, Row("I1")] // RFC 7516 §4.1.6: the kid names no key the server publishes.
    [InlineData(RsaOaep256, Delivery.ByValue)]
    [InlineData(RsaOaep256, Delivery.Pushed)]
    [InlineData(EcdhEs, Delivery.ByValue)]
    [InlineData(EcdhEs, Delivery.Pushed)]
    public async Task Refuses_an_object_whose_kid_is_unknown(string algorithm, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, keys.Encrypt(attempt.RequestObject.Build(), algorithm, h => h["kid"] = "unknown"));

        result.ShouldBeRefused(InvalidRequestObject, "JAR209");
    }

    [Theory, Row("I2")] // FAPI 1.0 Advanced §8.6.1: no RSA1_5; only the advertised RSA-OAEP-256 / ECDH-ES with A256GCM. Each JWE is real.
    [InlineData("RSA1_5", "A256GCM", Delivery.ByValue)]
    [InlineData("RSA1_5", "A256GCM", Delivery.Pushed)]
    [InlineData("RSA-OAEP", "A256GCM", Delivery.ByValue)]
    [InlineData(RsaOaep256, "A128CBC-HS256", Delivery.ByValue)]
    [InlineData(RsaOaep256, "A128CBC-HS256", Delivery.Pushed)]
    [InlineData("RSA1_5", "A128CBC-HS256", Delivery.Pushed)]
    public async Task Refuses_a_key_transport_or_content_encryption_that_is_not_advertised(string algorithm, string contentEncryption, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, Jwe.Rsa(attempt.RequestObject.Build(), keys.Rsa, keys.RsaKid, algorithm, contentEncryption));

        result.ShouldBeRefused(InvalidRequestObject, "JAR208");
    }

    [Theory, Row("I2")] // OpenID Connect Registration §2 request_object_encryption_alg: ECDH-ES is advertised, but not this client's.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_ECDH_ES_from_a_client_registered_for_RSA_OAEP_256(Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.RsaOaepOnly);

        var result = await attempt.SendAsync(delivery, keys.Encrypt(attempt.RequestObject.Build(), EcdhEs));

        result.ShouldBeRefused(InvalidRequestObject, "JAR208");
    }

    [Theory, Row("I2")] // Control: the registered algorithm goes through.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_RSA_OAEP_256_from_a_client_registered_for_it(Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.RsaOaepOnly);

        var result = await attempt.SendAsync(delivery, keys.Encrypt(attempt.RequestObject.Build(), RsaOaep256));

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("I2")] // RFC 7516 §4.1.3 zip (a decompression bomb) and §4.1.13 crit: neither is supported, so neither is accepted.
    [InlineData("zip", Delivery.ByValue)]
    [InlineData("zip", Delivery.Pushed)]
    [InlineData("crit", Delivery.ByValue)]
    [InlineData("crit", Delivery.Pushed)]
    public async Task Refuses_a_compressed_or_critical_extension_JWE_header(string member, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);

        var jwe = keys.Encrypt(attempt.RequestObject.Build(), RsaOaep256, h =>
        {
            if (member == "zip")
            {
                h["zip"] = "DEF";
            }
            else
            {
                h["crit"] = new System.Text.Json.Nodes.JsonArray("exp");
                h["exp"] = attempt.Now + 300;
            }
        });
        var result = await attempt.SendAsync(delivery, jwe);

        result.ShouldBeRefused(InvalidRequestObject, "JAR208");
    }

    [Theory, Row("I3")] // RFC 9101 §4, §10.2(b): anyone can encrypt to the server; raw claims say nothing about who asked.
    [InlineData(RsaOaep256, Delivery.ByValue)]
    [InlineData(RsaOaep256, Delivery.Pushed)]
    [InlineData(EcdhEs, Delivery.ByValue)]
    [InlineData(EcdhEs, Delivery.Pushed)]
    public async Task Refuses_an_encrypted_object_around_raw_JSON_claims(string algorithm, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, keys.Encrypt(attempt.RequestObject.Claims.ToJsonString(), algorithm));

        result.ShouldBeRefused(InvalidRequestObject, "JAR210");
    }

    [Theory, Row("I3")] // The JWE header says cty JWT (RFC 7519 §5.2); the JWT inside is {"alg":"none"}.payload. with no signature.
    [InlineData(RsaOaep256, Delivery.ByValue)]
    [InlineData(RsaOaep256, Delivery.Pushed)]
    [InlineData(EcdhEs, Delivery.ByValue)]
    [InlineData(EcdhEs, Delivery.Pushed)]
    public async Task Refuses_an_encrypted_object_around_an_alg_none_JWT(string algorithm, Delivery delivery)
    {
        var keys = await host.EncryptionKeysAsync();
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.Unsigned("none");
        var jwe = keys.Encrypt(attempt.RequestObject.Build(), algorithm);
        using (var header = JsonDocument.Parse(Base64UrlEncoder.Decode(jwe.Split('.')[0])))
        {
            header.RootElement.GetProperty("cty").GetString().ShouldBe("JWT");
        }

        var result = await attempt.SendAsync(delivery, jwe);

        result.ShouldBeRefused(InvalidRequestObject, "JAR210");
    }

    [Theory, Row("I4")] // RFC 9101 §6.1 with the client's RequireEncryptedRequestObject: R0 signed only is refused.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_signed_only_object_from_a_client_that_must_encrypt(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.EncryptionRequired).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR612");
    }

    [Theory, Row("I4")] // ... and so is a plain request with no object at all: it would carry its parameters in the clear.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_plain_request_from_a_client_that_must_encrypt(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.EncryptionRequired).SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR612");
    }

    private static string[] Strings(JsonElement metadata, string name) =>
        metadata.GetProperty(name).EnumerateArray().Select(static e => e.GetString()!).ToArray();
}
