using Jar.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group B of docs/conformance/catalogue.md: algorithm, key and signature. Each refusal is checked by value (local 400 page, no
/// redirect) and through PAR (400 JSON from /connect/par, no request_uri issued).
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class SignatureConformanceTests(ConformanceHost host)
{
    private const string InvalidRequestObject = "invalid_request_object";

    [Theory, Row("B1")] // RFC 9101 §10.5; alg is case-sensitive (RFC 7515 §4.1.1), so None and NONE are merely unknown.
    [InlineData("c1", "none", "JAR201", Delivery.ByValue)]
    [InlineData("c1", "none", "JAR201", Delivery.Pushed)]
    [InlineData("fapi2", "none", "JAR201", Delivery.Pushed)]
    [InlineData("fapi1", "none", "JAR201", Delivery.ByValue)]
    [InlineData("c1", "None", "JAR202", Delivery.ByValue)]
    [InlineData("c1", "None", "JAR202", Delivery.Pushed)]
    [InlineData("c1", "NONE", "JAR202", Delivery.ByValue)]
    [InlineData("c1", "NONE", "JAR202", Delivery.Pushed)]
    public async Task Refuses_an_unsigned_request_object(string clientId, string alg, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId));
        attempt.Outer["state"] = attempt.State; // the conformance suite also sends state outside
        attempt.RequestObject.Unsigned(alg);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory, Row("B2")] // FAPI 1.0 Advanced §8.6, FAPI 2.0 Security Profile §5.4.1: RS256 with the registered RSA key.
    [InlineData("fapi2", Delivery.ByValue)]
    [InlineData("fapi2", Delivery.Pushed)]
    [InlineData("fapi1", Delivery.ByValue)]
    [InlineData("fapi1", Delivery.Pushed)]
    public async Task Refuses_RS256_from_a_FAPI_client_signed_with_its_registered_RSA_key(string clientId, Delivery delivery)
    {
        var client = host.Clients.Client(clientId);
        var attempt = host.Attempt(client, clientId == "fapi1" ? "code id_token" : "code");
        attempt.RequestObject.SignWith(client.Key!, SecurityAlgorithms.RsaSha256);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory, Row("B3")] // RFC 8725 §3.1: the allow-list (PS256, ES256) is checked before any key is looked at.
    [InlineData("K1", "RS256", Delivery.ByValue)]
    [InlineData("K1", "PS384", Delivery.ByValue)]
    [InlineData("K1", "PS384", Delivery.Pushed)]
    [InlineData("K1", "PS512", Delivery.Pushed)]
    [InlineData("E1", "ES384", Delivery.ByValue)]
    [InlineData("E1", "ES384", Delivery.Pushed)]
    public async Task Refuses_a_signature_algorithm_outside_the_allow_list(string key, string alg, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWith(host.Clients.Key(key), alg);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory, Row("B3")] // An HMAC over a shared secret: the client has none here, and HS256 is outside the allow-list anyway.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_HS256(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWithSharedSecret("a-shared-secret-of-at-least-thirty-two-bytes", SecurityAlgorithms.HmacSha256);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory, Row("B3")]
    [InlineData("XYZ", Delivery.ByValue)]
    [InlineData("XYZ", Delivery.Pushed)]
    [InlineData("ps256", Delivery.ByValue)]
    [InlineData("", Delivery.Pushed)]
    public async Task Refuses_a_made_up_algorithm(string alg, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.Unsigned(alg).WithHeader("kid", "k1");

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory, Row("B5")] // OpenID Connect Registration §2: a client registered for PS256 signs only with PS256, though it owns an EC key.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_ES256_from_a_client_registered_for_PS256(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Ps256Only);
        attempt.RequestObject.SignWith(host.Clients.EP);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Fact, Row("B5")] // Control: the registered algorithm goes through.
    public async Task Accepts_PS256_from_a_client_registered_for_PS256()
    {
        var result = await host.Attempt(host.Clients.Ps256Only).SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("B6")] // The conformance suite's InvalidateRequestObjectSignature XORs every signature byte with 0x5A.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_signature_bytes_were_flipped(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        var parts = attempt.RequestObject.Build().Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]).Select(static b => (byte)(b ^ 0x5A)).ToArray();

        var result = await attempt.SendAsync(delivery, $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}");

        result.ShouldBeRefused(InvalidRequestObject, "JAR205");
    }

    [Theory, Row("B6")] // One claim changed after signing: the scope widened.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_payload_was_changed_after_signing(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        var parts = attempt.RequestObject.Build().Split('.');
        var tampered = Base64UrlEncoder.Encode(attempt.RequestObject.With("scope", "openid profile accounts email").Claims.ToJsonString());

        var result = await attempt.SendAsync(delivery, $"{parts[0]}.{tampered}.{parts[2]}");

        result.ShouldBeRefused(InvalidRequestObject, "JAR205");
    }

    [Theory, Row("B7")] // RFC 9101 §6.2: the verifying key belongs to the client named in client_id.
    [InlineData("K2", null, "JAR203", Delivery.ByValue)] // C2's key under its own kid: not a key of C1
    [InlineData("K2", null, "JAR203", Delivery.Pushed)]
    [InlineData("K2", "k1", "JAR205", Delivery.ByValue)] // C2's key under C1's kid: does not verify
    [InlineData("K2", "k1", "JAR205", Delivery.Pushed)]
    [InlineData("KA", null, "JAR205", Delivery.ByValue)] // an unregistered key that reuses kid k1
    [InlineData("KA", null, "JAR205", Delivery.Pushed)]
    public async Task Refuses_an_object_for_C1_signed_with_a_key_that_is_not_C1s(string key, string? kid, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWith(host.Clients.Key(key));
        if (kid is not null)
        {
            attempt.RequestObject.WithHeader("kid", kid);
        }

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory, Row("B8")] // RFC 9101 §6.2: a kid names the key that must verify; no fall-back to the client's other keys.
    [InlineData("K1", "nope", "JAR203", Delivery.ByValue)]
    [InlineData("K1", "nope", "JAR203", Delivery.Pushed)]
    [InlineData("K1", "k1b", "JAR205", Delivery.ByValue)] // another RSA key of C1
    [InlineData("K1", "k1b", "JAR205", Delivery.Pushed)]
    [InlineData("K1", "e1", "JAR204", Delivery.ByValue)] // C1's EC key cannot verify PS256
    [InlineData("E1", "k1", "JAR204", Delivery.Pushed)] // C1's RSA key cannot verify ES256
    public async Task Refuses_a_kid_that_does_not_name_the_verifying_key(string key, string kid, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWith(host.Clients.Key(key)).WithHeader("kid", kid);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory, Row("B8")] // (c) control: without kid, the client's key that fits the algorithm verifies.
    [InlineData("K1", Delivery.ByValue)]
    [InlineData("E1", Delivery.Pushed)]
    public async Task Verifies_with_the_clients_matching_key_when_there_is_no_kid(string key, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWith(host.Clients.Key(key)).WithoutHeader("kid");

        var result = await attempt.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("B12")] // RFC 8725 §3.11, RFC 9101 §10.8: an explicitly typed JWT of another kind is not a request object.
    [InlineData("dpop+jwt", Delivery.ByValue)]
    [InlineData("dpop+jwt", Delivery.Pushed)]
    [InlineData("at+jwt", Delivery.ByValue)]
    [InlineData("at+jwt", Delivery.Pushed)]
    [InlineData("secevent+jwt", Delivery.ByValue)]
    [InlineData("secevent+jwt", Delivery.Pushed)]
    [InlineData("logout+jwt", Delivery.ByValue)]
    [InlineData("client-authentication+jwt", Delivery.Pushed)]
    public async Task Refuses_a_request_object_typed_as_another_kind_of_JWT(string typ, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.WithHeader("typ", typ);

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR206");
    }
}
