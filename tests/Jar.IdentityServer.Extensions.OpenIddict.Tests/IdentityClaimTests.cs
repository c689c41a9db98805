using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>Group D of docs/conformance/catalogue.md: aud, iss, client_id and jti.</summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class IdentityClaimTests(OpenIddictHostFixture host)
{
    private const string InvalidRequestObject = "invalid_request_object";

    [Theory] // D1-D3: aud is the issuer identifier, compared exactly (RFC 9101 §4, RFC 7519 §4.1.3).
    [InlineData("-aud", Delivery.ByValue)]
    [InlineData("-aud", Delivery.Pushed)]
    [InlineData("aud=\"https://www.other1.example.com/\"", Delivery.ByValue)]
    [InlineData("aud=\"https://www.other1.example.com/\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}connect/par\"", Delivery.ByValue)]
    [InlineData("aud=\"{ISS}connect/par\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}connect/token\"", Delivery.Pushed)]
    [InlineData("aud=\"{ISS}/\"", Delivery.ByValue)]
    [InlineData("aud=\"{ISS}/\"", Delivery.Pushed)]
    [InlineData("aud=\"{ORIGIN}\"", Delivery.ByValue)]
    [InlineData("aud=\"{ORIGIN}\"", Delivery.Pushed)]
    [InlineData("aud=[]", Delivery.ByValue)]
    [InlineData("aud=[]", Delivery.Pushed)]
    [InlineData("aud=[\"https://x\"]", Delivery.ByValue)]
    [InlineData("aud=[\"{ISS}\",5]", Delivery.ByValue)]
    [InlineData("aud=[\"{ISS}\",5]", Delivery.Pushed)]
    [InlineData("aud=123", Delivery.Pushed)]
    public async Task Rejects_an_aud_that_is_not_exactly_the_issuer(string edits, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR402");
    }

    [Theory] // D4-D5: iss is the client_id (OpenID Connect Core §6.1); the strict profile requires it.
    [InlineData("iss=\"c2\"", Delivery.ByValue)]
    [InlineData("iss=\"c2\"", Delivery.Pushed)]
    [InlineData("iss=\"c1/1\"", Delivery.ByValue)]
    [InlineData("iss=\"c1/1\"", Delivery.Pushed)]
    [InlineData("-iss", Delivery.ByValue)]
    [InlineData("-iss", Delivery.Pushed)]
    [InlineData("iss=[\"c1\"]", Delivery.ByValue)]
    public async Task Rejects_an_iss_that_is_not_the_client_id(string edits, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR401");
    }

    [Theory] // D6-D7: the inner client_id is present and identical to the outer one (RFC 9101 §6.3).
    [InlineData("client_id=\"c2\"", "K1", "JAR403", Delivery.ByValue)] // C1's key, C2 named inside
    [InlineData("client_id=\"c2\"", "K1", "JAR403", Delivery.Pushed)]
    [InlineData("client_id=\"c2\";iss=\"c2\"", "K2", "JAR203", Delivery.ByValue)] // C2's own object, sent as C1
    [InlineData("client_id=\"c2\";iss=\"c2\"", "K2", "JAR203", Delivery.Pushed)]
    [InlineData("-client_id", "K1", "JAR403", Delivery.ByValue)]
    [InlineData("-client_id", "K1", "JAR403", Delivery.Pushed)]
    [InlineData("client_id=\"C1\"", "K1", "JAR403", Delivery.ByValue)]
    [InlineData("client_id=5", "K1", "JAR403", Delivery.Pushed)]
    public async Task Rejects_an_inner_client_id_that_differs_from_the_outer_one(string edits, string key, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);
        flow.RequestObject.SignWith(host.Clients.Key(key));

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory] // D8: at PAR, the object's client_id is the client that authenticated (RFC 9126 §3).
    [InlineData("K1", "JAR203")] // C1's genuine object: C2 has no key k1
    [InlineData("K2", "JAR403")] // an object naming C1, signed by C2's own key
    public async Task Rejects_C2_pushing_an_object_that_names_C1(string key, string rule)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.Key(key));
        flow.OuterClientId = host.Clients.C2.ClientId;
        flow.Authenticator = host.Clients.C2;

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Fact] // D8: C2 authenticates but names C1 outside, with C1's genuine object: refused before the object is accepted.
    public async Task Rejects_C2_authenticating_at_PAR_with_C1s_object_and_client_id()
    {
        var flow = host.Flow(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = flow.RequestObject.Build();
        flow.Authenticator = host.Clients.C2;

        var result = await flow.SendAsync(Delivery.Pushed, requestObject);

        result.ShouldBeRefused(InvalidRequestObject, "JAR404");
        result.Pushed!.Parameters.ShouldNotContainKey("request_uri");
        result.Authorization.ShouldBeNull();

        // The refusal came before the object was accepted: its jti was not consumed, so C1 itself can still push it.
        flow.Authenticator = host.Clients.C1;
        await (await flow.SendAsync(Delivery.Pushed, requestObject)).ShouldGrantCodeAsync();
    }

    [Fact] // D8 control: an assertion that is not a JWT is left to OpenIddict's client authentication.
    public async Task Leaves_an_unreadable_client_assertion_to_OpenIddict()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.Authenticator = null;
        flow.Outer["client_assertion_type"] = ClientAssertion.Type;
        flow.Outer["client_assertion"] = "not-a-jwt";

        var result = await flow.SendAsync(Delivery.Pushed);

        var pushed = result.Pushed.ShouldNotBeNull();
        pushed.Error.ShouldNotBe(InvalidRequestObject, pushed.ToString());
        pushed.ErrorDescription.ShouldNotBeNull(pushed.ToString()).ShouldNotContain("(rule JAR", Case.Sensitive, pushed.ToString());
        pushed.Parameters.ShouldNotContainKey("request_uri");
    }

    [Fact] // D10: the same object twice by value; the first completes the flow.
    public async Task Refuses_a_request_object_jti_used_twice_by_value()
    {
        var flow = host.Flow(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = flow.RequestObject.Build();

        await (await flow.SendAsync(Delivery.ByValue, requestObject)).ShouldGrantCodeAsync();
        var replay = await flow.SendAsync(Delivery.ByValue, requestObject);

        replay.ShouldBeRefused(InvalidRequestObject, "JAR406");
    }

    [Fact]
    public async Task Refuses_a_request_object_jti_pushed_twice()
    {
        var flow = host.Flow(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = flow.RequestObject.Build();

        await (await flow.SendAsync(Delivery.Pushed, requestObject)).ShouldGrantCodeAsync();
        var replay = await flow.SendAsync(Delivery.Pushed, requestObject);

        replay.ShouldBeRefused(InvalidRequestObject, "JAR406");
    }

    [Fact] // One ledger for both endpoints: a pushed object cannot be replayed by value.
    public async Task Refuses_by_value_a_request_object_whose_jti_was_pushed()
    {
        var flow = host.Flow(host.Clients.C1).Edit($"jti=\"{Guid.NewGuid():N}\"");
        var requestObject = flow.RequestObject.Build();

        (await flow.SendAsync(Delivery.Pushed, requestObject)).Pushed.ShouldNotBeNull().Status.ShouldBe(201);
        var replay = await flow.SendAsync(Delivery.ByValue, requestObject);

        replay.ShouldBeRefused(InvalidRequestObject, "JAR406");
    }

    [Theory] // D10: a jti, when present, is a non-empty string (RFC 7519 §4.1.7).
    [InlineData("jti=123", Delivery.ByValue)]
    [InlineData("jti=123", Delivery.Pushed)]
    [InlineData("jti=\"\"", Delivery.ByValue)]
    [InlineData("jti=\"\"", Delivery.Pushed)]
    [InlineData("jti=[\"a\"]", Delivery.ByValue)]
    public async Task Rejects_a_jti_that_is_not_a_non_empty_string(string edits, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR405");
    }
}
