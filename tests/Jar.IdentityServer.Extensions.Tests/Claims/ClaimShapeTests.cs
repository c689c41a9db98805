using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Claims;

/// <summary>JAR407, JAR408 (RFC 9101 §4): no nested request, and string parameters that are strings.</summary>
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
}
