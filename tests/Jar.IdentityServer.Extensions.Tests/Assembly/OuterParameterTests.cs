using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Assembly;

/// <summary>
/// JAR501 (RFC 9101 §6.3, OpenID Connect Core §6.1, docs/conformance/catalogue.md E1..E10, P6): parameters sent outside the object.
/// RejectMismatch (the default) refuses an outer parameter that is absent from the object or differs from it; Discard
/// ignores it. Either way only the object's parameters are used.
/// </summary>
public sealed class OuterParameterTests
{
    private static readonly (string, string)[] RequiredDuplicates =
    [
        ("response_type", "code"), ("scope", "openid accounts"), ("redirect_uri", TestClients.RU1),
    ];

    [Fact]
    public async Task Accepts_outer_duplicates_equal_to_the_inner_values()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact(), RequiredDuplicates));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("scope", "openid accounts admin")]
    [InlineData("redirect_uri", "https://evil.example.com/cb")]
    [InlineData("nonce", "outer-nonce")]
    [InlineData("state", "outer-state")]
    [InlineData("response_type", "code id_token")]
    public async Task Rejects_outer_parameter_that_differs_from_the_inner_one(string name, string outer)
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact(), (name, outer)));

        decision.ShouldBeRefused("JAR501", "invalid_request");
    }

    [Fact]
    public async Task Rejects_outer_parameter_the_object_does_not_carry()
    {
        // docs/conformance/catalogue.md E1: state only outside.
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Without("state").Compact(), ("state", "outer-state")));

        decision.ShouldBeRefused("JAR501", "invalid_request");
    }

    [Fact]
    public async Task Records_the_policy_rule_the_outer_value_would_have_hidden()
    {
        // docs/conformance/catalogue.md E9: PKCE only outside. Refused for the mismatch, and PKCE is still missing.
        using var engine = new TestEngine();
        var request = Requests.ByValue(
            engine.R0().Without("code_challenge", "code_challenge_method").Compact(),
            ("code_challenge", Pkce.Challenge), ("code_challenge_method", "S256"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR501", "invalid_request");
        decision.Violations.Select(v => v.Rule.Id).ShouldBe(["JAR501", "JAR603"]);
    }

    [Fact]
    public async Task Does_not_count_client_authentication_sent_beside_a_pushed_object()
    {
        // RFC 9126 §3: client authentication travels with the pushed object and is not an authorization parameter.
        using var engine = new TestEngine();
        var request = Requests.Pushed(
            engine.R0().Compact(),
            ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
            ("client_assertion", "eyJhbGciOiJQUzI1NiJ9.e30.c2ln"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull().Keys.ShouldNotContain("client_assertion");
    }

    [Theory]
    [InlineData("scope", "openid accounts admin")]
    [InlineData("redirect_uri", "https://evil.example.com/cb")]
    [InlineData("nonce", "outer-nonce")]
    [InlineData("state", "outer-state")]
    public async Task Discards_differing_outer_parameter_and_uses_the_inner_one(string name, string outer)
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });
        var requestObject = engine.R0();
        var inner = System.Text.Json.Nodes.JsonNode.Parse(requestObject.PayloadJson)![name]!.GetValue<string>();

        var decision = await engine.ValidateAsync(Requests.ByValue(requestObject.Compact(), (name, outer)));

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull()[name].ShouldBe(inner);
    }

    [Fact]
    public async Task Discards_outer_parameter_the_object_does_not_carry()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Without("state").Compact(), ("state", "outer-state"), ("prompt", "none")));

        decision.ShouldBeAccepted();
        var parameters = decision.Parameters.ShouldNotBeNull();
        parameters.ShouldNotContainKey("state");
        parameters.ShouldNotContainKey("prompt");
    }

    [Fact]
    public async Task Does_not_take_pkce_sent_only_outside_the_object()
    {
        // docs/conformance/catalogue.md E9, with outer parameters discarded: PKCE is missing.
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });
        var request = Requests.ByValue(
            engine.R0().Without("code_challenge", "code_challenge_method").Compact(),
            ("code_challenge", Pkce.Challenge), ("code_challenge_method", "S256"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR603", "invalid_request");
    }

    [Fact]
    public async Task Does_not_take_redirect_uri_sent_only_outside_the_object()
    {
        // docs/conformance/catalogue.md E7.
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Without("redirect_uri").Compact(), ("redirect_uri", TestClients.RU1)));

        decision.ShouldBeRefused("JAR606", "invalid_request");
    }

    [Fact]
    public async Task Does_not_take_response_type_sent_only_outside_the_object()
    {
        // docs/conformance/catalogue.md E8: no OpenID Connect §6.3.3 merge in strict JAR.
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Without("response_type").Compact(), ("response_type", "code")));

        decision.ShouldBeRefused("JAR611", "invalid_request");
    }

    [Fact]
    public async Task Does_not_take_nonce_sent_only_outside_the_object()
    {
        // docs/conformance/catalogue.md E6, under FAPI 1.0 Advanced, which requires a nonce with openid.
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides
        {
            Profile = JarProfiles.Fapi1Advanced,
            OuterParameters = OuterParameterHandling.Discard,
        });
        var requestObject = engine.R0().With("response_type", "code id_token").Without("nonce");

        var decision = await engine.ValidateAsync(Requests.ByValue(requestObject.Compact(), ("nonce", "outer-nonce")));

        decision.ShouldBeRefused("JAR610", "invalid_request");
    }
}
