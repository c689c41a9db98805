using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Assembly;

/// <summary>RFC 9101 §6.3: the parameters that count are exactly the object's, without the JWT envelope claims.</summary>
public sealed class InnerParametersTests
{
    [Fact]
    public async Task Only_parameters_inside_the_object_count()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });
        var requestObject = engine.R0().With("iat", engine.At(0)).With("jti", "only-inner").With("max_age", 300);

        var decision = await engine.ValidateAsync(Requests.ByValue(requestObject.Compact(), ("scope", "openid admin"), ("prompt", "none")));

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull().ShouldBe(
            new Dictionary<string, string>
            {
                ["client_id"] = "c1",
                ["redirect_uri"] = TestClients.RU1,
                ["scope"] = "openid accounts",
                ["state"] = "af0ifjsldkj",
                ["nonce"] = "n-0S6_WzA2Mj",
                ["response_type"] = "code",
                ["code_challenge"] = Pkce.Challenge,
                ["code_challenge_method"] = "S256",
                ["max_age"] = "300",
            },
            ignoreOrder: true);
    }

    [Fact]
    public async Task Keeps_a_structured_claim_as_its_json_text()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("claims", System.Text.Json.Nodes.JsonNode.Parse("""{"id_token":{"acr":null}}""")));

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull()["claims"].ShouldBe("""{"id_token":{"acr":null}}""");
    }

    [Fact]
    public async Task Leaves_the_parameters_of_a_request_without_object_to_the_host()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization,
            ("client_id", "c1"), ("response_type", "code"), ("redirect_uri", TestClients.RU1), ("scope", "openid"),
            ("code_challenge", Pkce.Challenge), ("code_challenge_method", "S256"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldBeNull();
    }
}
