using System.Text.Json;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Group A of docs/conformance/catalogue.md: the request around the object, and objects that are not well-formed JWS at all.</summary>
[Collection(SharedConformanceHost.Name)]
public sealed class EnvelopeConformanceTests(ConformanceHost host)
{
    [Fact, Row("A1")] // RFC 9101 §5: request_uri MUST NOT be present with request.
    public async Task Refuses_request_and_request_uri_together_without_redirecting()
    {
        var attempt = host.Attempt(host.Clients.C1);
        var requestUri = (await attempt.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull().Parameters["request_uri"];

        var answer = await attempt.AuthorizeAsync([new("client_id", "c1"), new("request", attempt.RequestObject.Build()), new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR101");
    }

    [Theory, Row("A2")] // FAPI 1.0 Advanced §5.2.2-1, RFC 9101 §10.5: every parameter in the query, no object.
    [InlineData("fapi1", Delivery.ByValue)]
    [InlineData("fapi1", Delivery.Pushed)]
    [InlineData("jar-required", Delivery.ByValue)]
    [InlineData("jar-required", Delivery.Pushed)]
    public async Task Refuses_a_plain_request_from_a_client_that_must_sign_its_requests(string clientId, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR601");
    }

    [Fact, Row("A3")] // FAPI 2.0 Security Profile §5.3.2.2-3 (a): a plain query breaks both JAR601 and JAR602; the first checked answers.
    public async Task Refuses_a_plain_query_from_a_FAPI2_client()
    {
        var result = await host.Attempt(host.Clients.Fapi2).SendWithoutRequestObjectAsync(Delivery.ByValue);

        result.ShouldBeRefused("invalid_request", "JAR601");
    }

    [Fact, Row("A3")] // (b): a valid object, but by value rather than pushed.
    public async Task Refuses_a_valid_request_object_by_value_from_a_FAPI2_client()
    {
        var result = await host.Attempt(host.Clients.Fapi2).SendAsync(Delivery.ByValue);

        result.ShouldBeRefused("invalid_request", "JAR602");
    }

    [Theory, Row("A4")] // RFC 9126 §2.3, FAPI 2.0 Message Signing §5.3.1-1: plain form parameters pushed without 'request'.
    [InlineData("fapi2")]
    [InlineData("jar-required")]
    [InlineData("fapi1")]
    public async Task Refuses_at_PAR_plain_form_parameters_from_a_client_that_must_sign_its_requests(string clientId)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).SendWithoutRequestObjectAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", "JAR601");
    }

    [Fact, Row("A5")] // RFC 9101 §7: the host supports request objects and says so in its discovery document.
    public async Task Advertises_request_object_support_in_discovery()
    {
        using var response = await host.BackChannel.GetAsync(new Uri(".well-known/openid-configuration", UriKind.Relative));
        using var discovery = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        discovery.RootElement.GetProperty("request_parameter_supported").GetBoolean().ShouldBeTrue();
        discovery.RootElement.GetProperty("pushed_authorization_request_endpoint").GetString().ShouldBe(ConformanceHost.Issuer + "connect/par");
        discovery.RootElement.GetProperty("request_object_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()).ShouldBe(["ES256", "PS256"]);
    }

    [Theory, Row("A5")] // The object is processed, never ignored: outer parameters that differ from it are not what runs.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Processes_the_request_object_rather_than_the_outer_parameters(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.Outer["scope"] = "openid";
        attempt.Outer["state"] = "outer-state";
        attempt.Outer["redirect_uri"] = "https://evil.example/cb";

        var result = await attempt.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync(attempt.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe(AuthorizationAttempt.Scope);
    }

    [Theory, Row("A6"), Row("Z1")] // RFC 9101 §5 client_id REQUIRED; RFC 6749 §4.1.2.1: no client, so no trusted redirect URI.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_an_outer_client_id(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.OuterClientId = null;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR102");
    }

    [Fact, Row("A6"), Row("Z1")]
    public async Task Refuses_a_request_uri_without_a_client_id()
    {
        var attempt = host.Attempt(host.Clients.C1);
        var requestUri = (await attempt.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull().Parameters["request_uri"];

        var answer = await attempt.AuthorizeAsync([new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR102");
    }

    [Theory, Row("A7")] // Strict compact JWS (RFC 7515 §2, §7.1); never a 500.
    [InlineData("two-segments", Delivery.ByValue)]
    [InlineData("two-segments", Delivery.Pushed)]
    [InlineData("four-segments", Delivery.ByValue)]
    [InlineData("four-segments", Delivery.Pushed)]
    [InlineData("padding", Delivery.ByValue)]
    [InlineData("padding", Delivery.Pushed)]
    [InlineData("plus-for-minus", Delivery.ByValue)]
    [InlineData("plus-for-minus", Delivery.Pushed)]
    [InlineData("space", Delivery.ByValue)]
    [InlineData("space", Delivery.Pushed)]
    [InlineData("newline", Delivery.ByValue)]
    [InlineData("newline", Delivery.Pushed)]
    [InlineData("empty-header", Delivery.ByValue)]
    [InlineData("not-base64", Delivery.Pushed)]
    public async Task Refuses_a_request_object_that_is_not_a_strict_compact_JWS(string defect, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, MalformedRequestObject.Make(attempt.RequestObject, defect));

        result.ShouldBeRefused("invalid_request_object", "JAR105");
    }

    [Theory, Row("A8")] // RFC 7515 §5.2 step 3, RFC 7519 §7.2 step 10: header and payload are UTF-8 JSON objects.
    [InlineData("payload-array", Delivery.ByValue)]
    [InlineData("payload-array", Delivery.Pushed)]
    [InlineData("payload-string", Delivery.ByValue)]
    [InlineData("payload-number", Delivery.Pushed)]
    [InlineData("payload-null", Delivery.ByValue)]
    [InlineData("payload-null", Delivery.Pushed)]
    [InlineData("payload-invalid-utf8", Delivery.ByValue)]
    [InlineData("payload-invalid-utf8", Delivery.Pushed)]
    [InlineData("header-array", Delivery.ByValue)]
    [InlineData("header-array", Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_header_or_payload_is_not_a_JSON_object(string defect, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);

        var result = await attempt.SendAsync(delivery, MalformedRequestObject.Make(attempt.RequestObject, defect));

        result.ShouldBeRefused("invalid_request_object", "JAR105");
    }

    [Theory, Row("A10")] // RFC 9101 §10.4.1: bounded explicitly (32 KiB by default), never truncated.
    [InlineData(33 * 1024, Delivery.ByValue)]
    [InlineData(33 * 1024, Delivery.Pushed)]
    [InlineData(64 * 1024, Delivery.ByValue)]
    [InlineData(1024 * 1024, Delivery.Pushed)]
    public async Task Refuses_an_oversized_request_object(int length, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.With("padding", new string('p', length));
        var requestObject = attempt.RequestObject.Build();
        requestObject.Length.ShouldBeGreaterThan(length);

        var result = await attempt.SendAsync(delivery, requestObject);

        result.ShouldBeRefused("invalid_request_object", "JAR104");
    }

    [Fact, Row("A10"), Row("H9")] // OpenID Connect Core §6.2: a request_uri over 512 characters; never fetched either way.
    public async Task Refuses_a_request_uri_of_600_characters()
    {
        var attempt = host.Attempt(host.Clients.C1);
        var requestUri = "https://c1.example/ro/" + new string('r', 600 - "https://c1.example/ro/".Length);

        var answer = await attempt.AuthorizeAsync([new("client_id", "c1"), new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR106");
    }

    [Theory, Row("Z1")] // RFC 6749 §3.1: a parameter sent twice makes the client and its redirect URI ambiguous.
    [InlineData("client_id")]
    [InlineData("request")]
    public async Task Refuses_a_repeated_parameter_without_redirecting(string name)
    {
        var attempt = host.Attempt(host.Clients.C1);
        var requestObject = attempt.RequestObject.Build();

        var answer = await attempt.AuthorizeAsync([new("client_id", "c1"), new("request", requestObject), new(name, name == "request" ? requestObject : "c2")]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR108");
    }

    [Theory, Row("Z1")] // Unknown client: no redirect at the authorization endpoint; a client authentication failure at PAR (RFC 9126 §2.1).
    [InlineData(Delivery.ByValue, "invalid_request", 400)]
    [InlineData(Delivery.Pushed, "invalid_client", 401)]
    public async Task Refuses_an_unknown_client_id(Delivery delivery, string error, int status)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit("client_id=\"nobody\";iss=\"nobody\"");
        attempt.OuterClientId = "nobody";

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(error, "JAR103", status);
    }
}
