using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// Group B of docs/conformance/catalogue.md: algorithm, key and signature. Each refusal is checked by value (local 400 page, no
/// redirect) and through PAR (400 JSON from /connect/par, no request_uri issued).
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class SignatureAndKeyTests(OpenIddictHostFixture host)
{
    private const string InvalidRequestObject = "invalid_request_object";

    [Theory] // B1: alg is case-sensitive (RFC 7515 §4.1.1), so None and NONE are merely unknown algorithms.
    [InlineData("none", "JAR201", Delivery.ByValue)]
    [InlineData("none", "JAR201", Delivery.Pushed)]
    [InlineData("None", "JAR202", Delivery.ByValue)]
    [InlineData("None", "JAR202", Delivery.Pushed)]
    [InlineData("NONE", "JAR202", Delivery.ByValue)]
    [InlineData("NONE", "JAR202", Delivery.Pushed)]
    public async Task Rejects_an_unsigned_request_object(string alg, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Unsigned(alg);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory] // B2: FAPI 2.0 Security Profile §5.4.1, the registered RSA key notwithstanding.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Rejects_RS256_for_a_FAPI2_client_signed_with_its_registered_RSA_key(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Fapi2);
        flow.RequestObject.SignWith(host.Clients.KF, SecurityAlgorithms.RsaSha256);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory] // B3: the allow-list is checked before any key is looked at (RFC 8725 §3.1).
    [InlineData("RS256", Delivery.ByValue)]
    [InlineData("RS256", Delivery.Pushed)]
    [InlineData("PS384", Delivery.ByValue)]
    [InlineData("PS384", Delivery.Pushed)]
    [InlineData("PS512", Delivery.ByValue)]
    [InlineData("PS512", Delivery.Pushed)]
    public async Task Rejects_an_RSA_algorithm_outside_the_allow_list(string alg, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.K1, alg);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Rejects_HS256_signed_with_a_shared_secret(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWithSharedSecret("a-shared-secret-of-at-least-thirty-two-bytes", SecurityAlgorithms.HmacSha256);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory]
    [InlineData("XYZ", Delivery.ByValue)]
    [InlineData("XYZ", Delivery.Pushed)]
    [InlineData("", Delivery.ByValue)]
    [InlineData("ps256", Delivery.Pushed)]
    public async Task Rejects_a_made_up_algorithm(string alg, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Unsigned(alg).WithHeader("kid", "k1");

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR202");
    }

    [Theory] // B7: RFC 9101 §6.2, the verifying key must belong to the client named in client_id.
    [InlineData("K2", null, "JAR203", Delivery.ByValue)] // C2's key under its own kid: not a key of C1
    [InlineData("K2", null, "JAR203", Delivery.Pushed)]
    [InlineData("K2", "k1", "JAR205", Delivery.ByValue)] // C2's key under C1's kid: does not verify
    [InlineData("K2", "k1", "JAR205", Delivery.Pushed)]
    [InlineData("KA", null, "JAR205", Delivery.ByValue)] // an unregistered key that reuses kid k1
    [InlineData("KA", null, "JAR205", Delivery.Pushed)]
    public async Task Rejects_an_object_for_C1_signed_with_a_key_that_is_not_C1s(string key, string? kid, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.Key(key));
        if (kid is not null)
        {
            flow.RequestObject.WithHeader("kid", kid);
        }

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory] // B8: a kid names the key that must verify; no fall-back to the client's other keys (RFC 9101 §6.2).
    [InlineData("K1", "PS256", "nope", "JAR203", Delivery.ByValue)]
    [InlineData("K1", "PS256", "nope", "JAR203", Delivery.Pushed)]
    [InlineData("K1", "PS256", "k1b", "JAR205", Delivery.ByValue)] // another RSA key of C1
    [InlineData("K1", "PS256", "k1b", "JAR205", Delivery.Pushed)]
    [InlineData("K1", "PS256", "e1", "JAR204", Delivery.ByValue)] // C1's EC key cannot verify PS256
    [InlineData("K1", "PS256", "e1", "JAR204", Delivery.Pushed)]
    [InlineData("E1", "ES256", "k1", "JAR204", Delivery.ByValue)] // C1's RSA key cannot verify ES256
    [InlineData("E1", "ES256", "k1", "JAR204", Delivery.Pushed)]
    public async Task Rejects_a_kid_that_does_not_name_the_verifying_key(string key, string alg, string kid, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.Key(key), alg).WithHeader("kid", kid);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory] // B8 control: without kid, the client's keys that fit the algorithm are tried.
    [InlineData("K1", Delivery.ByValue)]
    [InlineData("K1", Delivery.Pushed)]
    [InlineData("E1", Delivery.ByValue)]
    [InlineData("E1", Delivery.Pushed)]
    public async Task Verifies_with_the_clients_matching_key_when_there_is_no_kid(string key, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.Key(key)).WithoutHeader("kid");

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // B6: the conformance suite's InvalidateRequestObjectSignature XORs every signature byte with 0x5A.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Rejects_a_request_object_whose_signature_bytes_were_flipped(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        var parts = flow.RequestObject.Build().Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]).Select(static b => (byte)(b ^ 0x5A)).ToArray();

        var result = await flow.SendAsync(delivery, $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}");

        result.ShouldBeRefused(InvalidRequestObject, "JAR205");
    }

    [Theory] // B6: a claim changed after signing (here the scope, widened).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Rejects_a_request_object_whose_payload_was_changed_after_signing(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        var parts = flow.RequestObject.Build().Split('.');
        var tampered = Base64UrlEncoder.Encode(flow.RequestObject.With("scope", "openid").Claims.ToJsonString());

        var result = await flow.SendAsync(delivery, $"{parts[0]}.{tampered}.{parts[2]}");

        result.ShouldBeRefused(InvalidRequestObject, "JAR205");
    }

    [Theory] // B12: an explicitly typed JWT of another kind is not a request object (RFC 8725 §3.11, RFC 9101 §10.8).
    [InlineData("dpop+jwt", Delivery.ByValue)]
    [InlineData("dpop+jwt", Delivery.Pushed)]
    [InlineData("at+jwt", Delivery.ByValue)]
    [InlineData("at+jwt", Delivery.Pushed)]
    [InlineData("secevent+jwt", Delivery.ByValue)]
    [InlineData("logout+jwt", Delivery.Pushed)]
    [InlineData("client-authentication+jwt", Delivery.ByValue)]
    [InlineData("client-authentication+jwt", Delivery.Pushed)]
    public async Task Rejects_a_request_object_typed_as_another_kind_of_JWT(string typ, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.WithHeader("typ", typ);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR206");
    }

    [Theory] // RFC 7515 §4.1.11: no extension is understood, so a critical one refuses the object.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Rejects_a_critical_header_extension(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.WithHeader("crit", new JsonArray("x-ext")).WithHeader("x-ext", true);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR207");
    }
}
