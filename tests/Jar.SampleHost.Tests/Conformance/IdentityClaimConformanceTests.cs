using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Group D of docs/conformance/catalogue.md: aud, iss, client_id and jti.</summary>
[Collection(SharedConformanceHost.Name)]
public sealed class IdentityClaimConformanceTests(ConformanceHost host)
{
    private const string InvalidRequestObject = "invalid_request_object";

    [Theory, Row("D1")] // FAPI 1.0 Advanced §5.2.2-15, FAPI 2.0 Message Signing §5.3.1-2.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_aud(string clientId, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).Edit("-aud").SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR402");
    }

    [Theory, Row("D2")] // The issuer identifier only: other URLs of the same server do not count.
    [InlineData("aud=\"https://www.other1.example.com/\"", Delivery.ByValue)]
    [InlineData("aud=\"https://www.other1.example.com/\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}connect/par\"", Delivery.ByValue)]
    [InlineData("aud=\"{ISS}connect/par\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}connect/token\"", Delivery.ByValue)]
    [InlineData("aud=\"{ISS}connect/token\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}connect/authorize\"", Delivery.Pushed)]
    public async Task Refuses_an_aud_naming_something_other_than_the_issuer(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR402");
    }

    [Theory, Row("D3")] // RFC 7519 §4.1.3, compared as exact strings.
    [InlineData("aud=\"{ISS}/\"", Delivery.ByValue)] // a trailing '/'
    [InlineData("aud=\"{ISS}/\"", Delivery.Pushed)]
    [InlineData("aud=\"{ORIGIN}\"", Delivery.ByValue)] // without its '/'
    [InlineData("aud=\"HTTP://LOCALHOST/\"", Delivery.Pushed)] // changed case
    [InlineData("aud=\"{ISS}1\"", Delivery.ByValue)] // the federation suite's '/1' suffix
    [InlineData("aud=[]", Delivery.ByValue)]
    [InlineData("aud=[]", Delivery.Pushed)]
    [InlineData("aud=[\"https://x\"]", Delivery.ByValue)]
    [InlineData("aud=123", Delivery.Pushed)]
    [InlineData("aud=[\"{ISS}\",5]", Delivery.ByValue)]
    [InlineData("aud=[\"{ISS}\",5]", Delivery.Pushed)]
    public async Task Refuses_a_malformed_aud(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR402");
    }

    [Theory, Row("D4")] // OpenID Connect Core §6.1: iss is the client_id.
    [InlineData("iss=\"c2\"", Delivery.ByValue)]
    [InlineData("iss=\"c2\"", Delivery.Pushed)]
    [InlineData("iss=\"c1/1\"", Delivery.ByValue)]
    [InlineData("iss=\"c1/1\"", Delivery.Pushed)]
    [InlineData("iss=[\"c1\"]", Delivery.ByValue)]
    public async Task Refuses_an_iss_that_is_not_the_client_id(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR401");
    }

    [Theory, Row("D5")] // The strict default: every built-in profile requires iss (see PolicyChoiceConformanceTests).
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_iss(string clientId, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).Edit("-iss").SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR401");
    }

    [Theory, Row("D6"), Row("Z1")] // RFC 9101 §6.3: identical client_id inside and outside; ambiguous, so never redirected.
    [InlineData("client_id=\"c2\"", "K1", "JAR403", Delivery.ByValue)] // C1's key, C2 named inside
    [InlineData("client_id=\"c2\"", "K1", "JAR403", Delivery.Pushed)]
    [InlineData("client_id=\"c2\";iss=\"c2\"", "K2", "JAR203", Delivery.ByValue)] // C2's own object, sent as C1
    [InlineData("client_id=\"c2\";iss=\"c2\"", "K2", "JAR203", Delivery.Pushed)]
    [InlineData("client_id=\"C1\"", "K1", "JAR403", Delivery.ByValue)]
    [InlineData("client_id=5", "K1", "JAR403", Delivery.Pushed)]
    public async Task Refuses_an_inner_client_id_that_differs_from_the_outer_one(string edits, string key, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit(edits);
        attempt.RequestObject.SignWith(host.Clients.Key(key));

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory, Row("D7")] // RFC 9101 §6.3, FAPI 1.0 Advanced §5.2.3-8: the object carries client_id.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_client_id(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit("-client_id").SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR403");
    }

    [Theory, Row("D8")] // RFC 9126 §3 item 4: C2 authenticates and pushes an object naming C1.
    [InlineData("K1", "JAR203")] // C1's genuine object: C2 has no key k1
    [InlineData("K2", "JAR403")] // an object naming C1, signed by C2's own key
    public async Task Refuses_C2_pushing_an_object_that_names_C1(string key, string rule)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.SignWith(host.Clients.Key(key));
        attempt.OuterClientId = host.Clients.C2.ClientId;
        attempt.Authenticator = host.Clients.C2;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Fact, Row("D8")] // C2 authenticates but names C1 outside, with C1's genuine object: refused before the object is accepted.
    public async Task Refuses_C2_authenticating_at_PAR_with_C1s_object_and_client_id()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Authenticator = host.Clients.C2;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused(InvalidRequestObject, "JAR404");
        result.Pushed!.Parameters.ShouldNotContainKey("request_uri");
    }

    [Theory, Row("D10")] // RFC 9101 §10.2: the same object again, after the first completed the flow.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_jti_was_used_before(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = attempt.RequestObject.Build();
        await (await attempt.SendAsync(delivery, requestObject)).ShouldGrantCodeAsync();

        var replay = await host.Attempt(host.Clients.C1).SendAsync(delivery, requestObject);

        replay.ShouldBeRefused(InvalidRequestObject, "JAR406");
    }

    [Fact, Row("D10")] // One ledger for both endpoints: a pushed object is not replayed by value.
    public async Task Refuses_by_value_a_request_object_whose_jti_was_pushed()
    {
        var attempt = host.Attempt(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = attempt.RequestObject.Build();
        (await attempt.SendAsync(Delivery.Pushed, requestObject)).Pushed.ShouldNotBeNull().Status.ShouldBe(201);

        var replay = await host.Attempt(host.Clients.C1).SendAsync(Delivery.ByValue, requestObject);

        replay.ShouldBeRefused(InvalidRequestObject, "JAR406");
    }

    [Theory, Row("D10")] // RFC 7519 §4.1.7: a jti, when present, is a non-empty string.
    [InlineData("jti=123", Delivery.ByValue)]
    [InlineData("jti=123", Delivery.Pushed)]
    [InlineData("jti=\"\"", Delivery.ByValue)]
    [InlineData("jti=\"\"", Delivery.Pushed)]
    [InlineData("jti=[\"a\"]", Delivery.ByValue)]
    public async Task Refuses_a_jti_that_is_not_a_non_empty_string(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR405");
    }

    [Theory, Row("D11")] // RFC 9101 §4: each member has its parameter's JSON type; a wrong one is refused, never converted.
    [InlineData("max_age", "\"300\"")]
    [InlineData("max_age", "1.5")]
    [InlineData("claims", "\"{\\\"id_token\\\":{}}\"")]
    [InlineData("authorization_details", "{\"type\":\"payment_initiation\"}")]
    [InlineData("authorization_details", "[\"payment_initiation\"]")]
    [InlineData("resource", "[\"https://api.example.com/\",42]")]
    [InlineData("state", "12345")]
    [InlineData("nonce", "[\"n\"]")]
    [InlineData("scope", "[\"openid\",\"accounts\"]")]
    [InlineData("redirect_uri", "{\"uri\":\"https://c1.example/cb\"}")]
    [InlineData("response_type", "[\"code\"]")]
    [InlineData("response_mode", "0")]
    [InlineData("prompt", "[\"login\"]")]
    [InlineData("login_hint", "42")]
    [InlineData("acr_values", "[\"urn:acr:1\"]")]
    [InlineData("ui_locales", "[\"en\"]")]
    [InlineData("code_challenge", "{}")]
    [InlineData("code_challenge_method", "[\"S256\"]")]
    [InlineData("id_token_hint", "7")]
    [InlineData("dpop_jkt", "true")]
    public async Task Refuses_a_request_object_member_of_the_wrong_JSON_type(string name, string json)
    {
        foreach (var delivery in (Delivery[])[Delivery.ByValue, Delivery.Pushed])
        {
            var attempt = host.Attempt(host.Clients.C1);
            attempt.RequestObject.Claims[name] = System.Text.Json.Nodes.JsonNode.Parse(json);

            var result = await attempt.SendAsync(delivery);

            result.ShouldBeRefused(InvalidRequestObject, "JAR408");
        }
    }

    [Theory, Row("D11")] // The right types are accepted and reach the host as JSON: max_age a number, claims an object.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Grants_a_request_object_whose_structured_members_have_their_JSON_types(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.Claims["max_age"] = 3600;
        attempt.RequestObject.Claims["claims"] = System.Text.Json.Nodes.JsonNode.Parse("""{"id_token":{"auth_time":{"essential":true}}}""");

        var result = await attempt.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("D12")] // RFC 9101 §10.8: with sub = iss = client_id the object has a client assertion's claims.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_sub_is_the_client_id(string clientId, Delivery delivery)
    {
        var client = host.Clients.Client(clientId);
        var attempt = host.Attempt(client);
        attempt.RequestObject.Claims["sub"] = client.ClientId;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR409");
    }

    [Theory, Row("D12")] // Any other sub is not a parameter and never names the user: the flow is the user's own.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Grants_a_request_object_with_another_sub_without_taking_it_for_the_user(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.RequestObject.Claims["sub"] = "bob";

        var result = await attempt.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }
}
