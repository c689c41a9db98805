using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Claims;

/// <summary>
/// JAR407, JAR408 (RFC 9101 §4): no nested request, and every authorization parameter with the JSON type it has as a
/// parameter; a wrong type is refused, never converted.
/// </summary>
public sealed class ClaimShapeTests
{
    [Theory]
    [InlineData("request")]
    [InlineData("request_uri")]
    public async Task Rejects_request_object_that_carries_a_request_of_its_own(string claim)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With(claim, claim == "request" ? engine.R0().Compact() : Requests.PushedRequestUri));

        decision.ShouldBeRefused("JAR407", "invalid_request_object");
    }

    [Theory]
    [InlineData("scope", "[\"openid\",\"accounts\"]")]
    [InlineData("response_type", "[\"code\"]")]
    [InlineData("redirect_uri", "42")]
    [InlineData("state", "null")]
    [InlineData("nonce", "12345")]
    [InlineData("code_challenge", "{\"value\":\"x\"}")]
    [InlineData("prompt", "true")]
    [InlineData("x_custom", "null")]
    [InlineData("code_challenge_method", "[\"S256\"]")]
    [InlineData("response_mode", "1")]
    [InlineData("login_hint", "{\"sub\":\"alice\"}")]
    [InlineData("acr_values", "[\"urn:acr:1\",\"urn:acr:2\"]")]
    [InlineData("ui_locales", "[\"en\"]")]
    [InlineData("claims_locales", "7")]
    [InlineData("display", "false")]
    [InlineData("id_token_hint", "[]")]
    [InlineData("dpop_jkt", "{}")]
    [InlineData("max_age", "\"300\"")]
    [InlineData("max_age", "-1")]
    [InlineData("max_age", "1.5")]
    [InlineData("max_age", "3e2")]
    [InlineData("max_age", "[300]")]
    [InlineData("claims", "\"{\\\"id_token\\\":{}}\"")]
    [InlineData("claims", "[]")]
    [InlineData("registration", "\"{}\"")]
    [InlineData("authorization_details", "\"[{\\\"type\\\":\\\"payment\\\"}]\"")]
    [InlineData("authorization_details", "{\"type\":\"payment\"}")]
    [InlineData("authorization_details", "[\"payment\"]")]
    [InlineData("resource", "42")]
    [InlineData("resource", "[]")]
    [InlineData("resource", "[\"https://api.example.com\",7]")]
    [InlineData("resource", "{\"uri\":\"https://api.example.com\"}")]
    [InlineData("audience", "[null]")]
    public async Task Rejects_claim_value_of_the_wrong_json_type(string claim, string json)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With(claim, JsonNode.Parse(json)));

        decision.ShouldBeRefused("JAR408", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_structured_values_where_the_parameter_is_structured()
    {
        // OpenID Connect Core §5.5: claims is a JSON object; max_age a number.
        using var engine = new TestEngine();
        var requestObject = engine.R0()
            .With("claims", JsonNode.Parse("""{"id_token":{"acr":{"essential":true}}}"""))
            .With("max_age", 300);

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Passes_structured_parameters_on_as_JSON_and_says_which_they_are()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0()
            .With("max_age", 300)
            .With("resource", JsonNode.Parse("""["https://api.example.com/","https://other.example.com/"]"""))
            .With("authorization_details", JsonNode.Parse("""[{"type":"payment_initiation","instructedAmount":{"currency":"EUR","amount":"12.00"}}]"""))
            .With("claims", JsonNode.Parse("""{"userinfo":{"email":null}}"""))
            .With("login_hint", "alice");

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeAccepted();
        var types = decision.Parameters.ShouldBeAssignableTo<IJarJsonValuedParameters>()!;
        decision.Parameters!["max_age"].ShouldBe("300");
        types.IsJson("max_age").ShouldBeTrue();
        JsonNode.Parse(decision.Parameters["resource"])!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["https://api.example.com/", "https://other.example.com/"]);
        types.IsJson("resource").ShouldBeTrue();
        types.IsJson("authorization_details").ShouldBeTrue();
        types.IsJson("claims").ShouldBeTrue();
        types.IsJson("login_hint").ShouldBeFalse();
        types.IsJson("exp").ShouldBeFalse("an envelope claim is not a parameter");
    }

    [Theory]
    [InlineData("\"https://api.example.com/\"")]
    [InlineData("[\"https://api.example.com/\"]")]
    public async Task Accepts_a_resource_as_a_string_or_an_array_of_strings(string json)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("resource", JsonNode.Parse(json)));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("max_age")]
    [InlineData("claims")]
    [InlineData("authorization_details")]
    [InlineData("resource")]
    public async Task Rejects_at_PAR_a_structured_parameter_of_the_wrong_JSON_type(string claim)
    {
        using var engine = new TestEngine();

        var decision = await engine.PushAsync(engine.R0().With(claim, 12.5));

        decision.ShouldBeRefused("JAR408", "invalid_request_object");
    }
}
