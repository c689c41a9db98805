using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// D11, D12 through a stock OpenIddict server: every authorization parameter in a request object has its JSON type
/// (RFC 9101 §4; JAR408) and is passed on with it, and an object whose <c>sub</c> is the client_id, shaped like a
/// client assertion, is refused (RFC 9101 §10.8; JAR409).
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class ParameterTypeTests(OpenIddictHostFixture host)
{
    [Theory]
    [InlineData("max_age", "\"300\"", Delivery.ByValue)]
    [InlineData("max_age", "\"300\"", Delivery.Pushed)]
    [InlineData("max_age", "-5", Delivery.Pushed)]
    [InlineData("claims", "\"{\\\"id_token\\\":{}}\"", Delivery.ByValue)]
    [InlineData("claims", "\"{\\\"id_token\\\":{}}\"", Delivery.Pushed)]
    [InlineData("authorization_details", "{\"type\":\"payment\"}", Delivery.Pushed)]
    [InlineData("resource", "42", Delivery.ByValue)]
    [InlineData("resource", "[\"https://api.example.com/\",1]", Delivery.Pushed)]
    [InlineData("state", "12345", Delivery.ByValue)]
    [InlineData("scope", "[\"openid\",\"profile\"]", Delivery.Pushed)]
    [InlineData("prompt", "[\"login\"]", Delivery.ByValue)]
    [InlineData("ui_locales", "[\"en\"]", Delivery.Pushed)]
    [InlineData("id_token_hint", "{}", Delivery.ByValue)]
    [InlineData("dpop_jkt", "7", Delivery.Pushed)]
    public async Task Refuses_a_request_object_member_of_the_wrong_JSON_type(string name, string json, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims[name] = JsonNode.Parse(json);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request_object", "JAR408");
    }

    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Grants_a_request_whose_max_age_is_a_number_and_claims_an_object(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["max_age"] = 3600;
        flow.RequestObject.Claims["claims"] = JsonNode.Parse("""{"id_token":{"auth_time":{"essential":true}}}""");

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_sub_is_the_client_id(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["sub"] = host.Clients.C1.ClientId;

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request_object", "JAR409");
    }

    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Grants_a_request_object_with_another_sub_without_taking_it_for_the_user(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["sub"] = "someone-else";

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // A number under an empty member name: OpenIddict takes no parameter named "", and nothing fails.
    public async Task Grants_a_request_object_with_a_numeric_member_whose_name_is_empty()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims[""] = 1796397489;

        var result = await flow.SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }
}
