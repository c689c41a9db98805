using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Claims;

/// <summary>JAR405 (docs/conformance/catalogue.md D10): a jti, when present or required, is a non-empty string of sensible length.</summary>
public sealed class JwtIdTests
{
    [Theory]
    [InlineData("123")]
    [InlineData("\"\"")]
    [InlineData("[\"a\"]")]
    public async Task Rejects_jti_that_is_not_a_non_empty_string(string jti)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("jti", JsonNode.Parse(jti)));

        decision.ShouldBeRefused("JAR405", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_jti_longer_than_256_characters()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("jti", new string('j', 257)));

        decision.ShouldBeRefused("JAR405", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_jti_of_256_characters()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("jti", new string('j', 256)));

        decision.ShouldBeAccepted();
        decision.JwtId.ShouldBe(new string('j', 256));
    }

    [Fact]
    public async Task Rejects_request_object_without_jti_when_the_client_policy_requires_one()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { RequireJwtId = true });

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR405", "invalid_request_object");
    }
}
