using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests;

/// <summary>docs/conformance/catalogue.md §P: what a strict server must still accept.</summary>
public sealed class PositiveControlTests
{
    [Fact]
    public async Task Accepts_the_baseline_request_object_without_typ_iat_or_jti()
    {
        // docs/conformance/catalogue.md P2: R0 exactly, as the conformance suite's first client sends it.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeAccepted();
        decision.JwtId.ShouldBeNull();
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("oauth-authz-req+jwt")]
    [InlineData("OautH-auThZ-REQ+jWt")]
    [InlineData("application/oauth-authz-req+jwt")]
    [InlineData("Application/OAUTH-AUTHZ-REQ+JWT")]
    public async Task Accepts_typ_that_says_jwt_or_authorization_request_in_any_case(string typ)
    {
        // docs/conformance/catalogue.md P1, B12; RFC 7515 §4.1.9: media types are case-insensitive, the application/ prefix optional.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader("typ", typ));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_the_conformance_suites_second_client_with_iat_and_mixed_case_typ()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader("typ", "OautH-auThZ-REQ+jWt").With("iat", engine.At(0)));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_ES256_signed_with_the_clients_P256_key()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.E1));

        decision.ShouldBeAccepted();
        decision.Algorithm.ShouldBe("ES256");
        decision.KeyId.ShouldBe("e1");
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("ES256")]
    public async Task Verifies_an_object_without_kid_with_the_clients_key_for_its_algorithm(string alg)
    {
        // docs/conformance/catalogue.md B8(c): no kid, and the client holds one RSA and one EC key.
        using var engine = new TestEngine();
        var key = alg == "PS256" ? TestKeys.K1 : TestKeys.E1;

        var decision = await engine.SendAsync(engine.R0().SignedWith(key).WithoutHeader("kid"));

        decision.ShouldBeAccepted();
        decision.KeyId.ShouldBeNull();
    }

    [Fact]
    public async Task Accepts_a_request_object_made_by_JsonWebTokenHandler()
    {
        using var engine = new TestEngine();
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "oauth-authz-req+jwt",
            Issuer = TestClients.C1Id,
            Audience = TestEngine.Issuer,
            IssuedAt = engine.Now.UtcDateTime,
            NotBefore = engine.Now.UtcDateTime,
            Expires = engine.Now.AddMinutes(5).UtcDateTime,
            SigningCredentials = TestKeys.K1.Credentials(),
            Claims = new Dictionary<string, object>
            {
                ["client_id"] = TestClients.C1Id,
                ["redirect_uri"] = TestClients.RU1,
                ["scope"] = "openid accounts",
                ["response_type"] = "code",
                ["code_challenge"] = Pkce.Challenge,
                ["code_challenge_method"] = "S256",
                ["jti"] = Guid.NewGuid().ToString(),
            },
        });

        var decision = await engine.SendAsync(token);

        decision.ShouldBeAccepted();
        decision.KeyId.ShouldBe("k1");
    }

    [Fact]
    public async Task Keeps_a_64_character_nonce_and_a_long_state_exactly()
    {
        // FAPI 2.0 Security Profile §5.3.2.2-14 and NOTE 4: nonces up to 64 characters, state beyond 1000.
        using var engine = new TestEngine();
        var nonce = new string('n', 64);
        var state = string.Concat(Enumerable.Repeat("s-0123456789", 100));

        var decision = await engine.SendAsync(engine.R0().With("nonce", nonce).With("state", state));

        decision.ShouldBeAccepted();
        var parameters = decision.Parameters.ShouldNotBeNull();
        parameters["nonce"].ShouldBe(nonce);
        parameters["state"].ShouldBe(state);
    }

    [Fact]
    public async Task Accepts_a_pushed_object_without_state_or_nonce_under_fapi2()
    {
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);

        var decision = await engine.PushAsync(engine.R0().Without("state", "nonce"));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_the_pushed_object_with_the_outer_duplicates_the_conformance_suite_sends()
    {
        // the fixture of docs/conformance/catalogue.md: at PAR the suite also duplicates response_type, client_id, scope and redirect_uri outside.
        using var engine = TestEngine.WithProfile(JarProfiles.Fapi2MessageSigning);
        var request = Requests.Pushed(engine.R0().Compact(),
            ("response_type", "code"), ("scope", "openid accounts"), ("redirect_uri", TestClients.RU1));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
    }
}
