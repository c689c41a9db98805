using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Policy;

/// <summary>JAR601..JAR611 (docs/conformance/catalogue.md A2..A4, F1..F6, G1..G2): the client's policy on the assembled request.</summary>
public sealed class AuthorizationPolicyRuleTests
{
    /// <summary>A complete authorization request in plain form, without a request object.</summary>
    private static JarRequest Plain(JarEndpoint endpoint, string responseType = "code") =>
        Requests.At(endpoint,
            ("client_id", TestClients.C1Id), ("response_type", responseType), ("redirect_uri", TestClients.RU1),
            ("scope", "openid accounts"), ("nonce", "n-0S6_WzA2Mj"),
            ("code_challenge", Pkce.Challenge), ("code_challenge_method", "S256")) with { AuthenticatedClientId = TestClients.C1Id };

    [Fact]
    public async Task Rejects_a_request_object_that_names_no_scope_even_when_outer_parameters_are_discarded()
    {
        // RFC 9101 §6.3 with RFC 6749 §3.3, docs/conformance/catalogue.md E5: the outer scope does not count, and no scope is no grant.
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Without("scope").Compact(), ("scope", "openid accounts")));

        decision.ShouldBeRefused("JAR613", "invalid_request");
    }

    [Fact]
    public async Task Rejects_plain_request_when_the_profile_requires_a_request_object()
    {
        // FAPI 1.0 Advanced §5.2.2-1, docs/conformance/catalogue.md A2.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.ValidateAsync(Plain(JarEndpoint.Authorization, "code id_token"));

        decision.ShouldBeRefused("JAR601", "invalid_request");
    }

    [Fact]
    public async Task Rejects_plain_form_at_par_when_signed_request_objects_are_required()
    {
        // RFC 9126 §2.3, FAPI 2.0 Message Signing §5.3.1-1, docs/conformance/catalogue.md A4.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.ValidateAsync(Plain(JarEndpoint.PushedAuthorization));

        decision.ShouldBeRefused("JAR601", "invalid_request");
    }

    [Fact]
    public async Task Rejects_request_object_by_value_when_par_is_required()
    {
        // FAPI 2.0 Security Profile §5.3.2.2-3, docs/conformance/catalogue.md A3(b).
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR602", "invalid_request");
    }

    [Fact]
    public async Task Rejects_plain_request_at_the_authorization_endpoint_when_par_is_required()
    {
        // docs/conformance/catalogue.md A3(a): both rules are broken; the first answers.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.ValidateAsync(Plain(JarEndpoint.Authorization));

        decision.ShouldBeRefused("JAR601", "invalid_request");
        decision.Violations.Select(v => v.Rule.Id).ShouldBe(["JAR601", "JAR602"]);
    }

    [Fact]
    public async Task Accepts_the_pushed_request_object_under_fapi2_message_signing()
    {
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.PushAsync(engine.R0());

        decision.ShouldBeAccepted();
        decision.Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task Rejects_request_without_code_challenge_when_pkce_is_required()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("code_challenge", "code_challenge_method"));

        decision.ShouldBeRefused("JAR603", "invalid_request");
    }

    [Fact]
    public async Task Rejects_code_challenge_method_without_code_challenge_even_when_pkce_is_optional()
    {
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.SendAsync(engine.R0().With("response_type", "code id_token").Without("code_challenge"));

        decision.ShouldBeRefused("JAR603", "invalid_request");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("s256")]
    [InlineData("SHA256")]
    [InlineData(null)]
    public async Task Rejects_code_challenge_method_other_than_S256(string? method)
    {
        // RFC 7636 §4.3: an absent method means plain.
        using var engine = new TestEngine();
        var requestObject = method is null ? engine.R0().Without("code_challenge_method") : engine.R0().With("code_challenge_method", method);

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR604", "invalid_request");
    }

    [Theory]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c")]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMx")]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM")]
    [InlineData("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN")]
    public async Task Rejects_code_challenge_that_is_not_a_base64url_sha256(string challenge)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("code_challenge", challenge));

        decision.ShouldBeRefused("JAR605", "invalid_request");
    }

    [Fact]
    public async Task Rejects_request_without_redirect_uri()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("redirect_uri"));

        decision.ShouldBeRefused("JAR606", "invalid_request");
    }

    [Theory]
    [InlineData("https://client.example.com/cb/x7Gh2Lq0Pz")]
    [InlineData("https://junk.io/junk/callback")]
    [InlineData("https://client.example.com/cb/")]
    [InlineData("https://CLIENT.example.com/cb")]
    [InlineData("https://client.example.com/c")]
    [InlineData("https://client.example.com:443/cb")]
    public async Task Rejects_redirect_uri_that_is_not_exactly_a_registered_one(string redirectUri)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("redirect_uri", redirectUri));

        decision.ShouldBeRefused("JAR607", "invalid_request");
    }

    [Fact]
    public async Task Rejects_scope_beyond_the_clients_ceiling()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { AllowedScopes = ["openid", "accounts"] });

        var decision = await engine.SendAsync(engine.R0().With("scope", "openid accounts admin"));

        decision.ShouldBeRefused("JAR608", "invalid_scope");
    }

    [Fact]
    public async Task Accepts_scope_within_the_ceiling_in_any_order()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { AllowedScopes = ["openid", "accounts"] });

        var decision = await engine.SendAsync(engine.R0().With("scope", "accounts openid"));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("token")]
    [InlineData("code id_token")]
    [InlineData("id_token")]
    [InlineData("code token")]
    public async Task Rejects_response_type_the_default_profile_does_not_allow(string responseType)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("response_type", responseType));

        decision.ShouldBeRefused("JAR609", "unsupported_response_type");
    }

    [Fact]
    public async Task Rejects_plain_code_under_fapi1_advanced()
    {
        // FAPI 1.0 Advanced §5.2.2-2 without JARM: code id_token.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR609", "unsupported_response_type");
    }

    [Theory]
    [InlineData("code id_token")]
    [InlineData("id_token code")]
    public async Task Accepts_hybrid_response_type_under_fapi1_advanced_in_either_order(string responseType)
    {
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.SendAsync(engine.R0().With("response_type", responseType));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_openid_request_without_nonce_under_fapi1_advanced()
    {
        // FAPI 1.0 Baseline §5.2.2.2.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.SendAsync(engine.R0().With("response_type", "code id_token").Without("nonce"));

        decision.ShouldBeRefused("JAR610", "invalid_request");
    }

    [Fact]
    public async Task Does_not_require_nonce_without_openid_under_fapi1_advanced()
    {
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi1Advanced);

        var decision = await engine.SendAsync(engine.R0().With("response_type", "code id_token").With("scope", "accounts").Without("nonce"));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Does_not_require_nonce_under_fapi2()
    {
        // FAPI 2.0 Security Profile: a request without nonce succeeds (docs/conformance/catalogue.md P9).
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.PushAsync(engine.R0().Without("nonce"));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_request_object_without_response_type()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("response_type"));

        decision.ShouldBeRefused("JAR611", "invalid_request");
    }

    [Fact]
    public async Task Rejects_plain_request_without_response_type()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization,
            ("client_id", "c1"), ("redirect_uri", TestClients.RU1), ("code_challenge", Pkce.Challenge), ("code_challenge_method", "S256"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR611", "invalid_request");
    }
}
