using Jar.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group P of docs/conformance/catalogue.md: what a strict server must still accept. Each one completes the code flow on the sample
/// host: the user signs in and consents, the answer goes to the registered redirect URI with a code, the inner state
/// and the issuer, and the code is redeemed at the token endpoint with the client's key and PKCE verifier.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class PositiveControlConformanceTests(ConformanceHost host)
{
    [Theory, Row("P1")] // RFC 9101 §4 media type in any case, with or without application/; none at all; JWT (RFC 7519 §5.1).
    [InlineData(null, Delivery.ByValue)]
    [InlineData(null, Delivery.Pushed)]
    [InlineData("oauth-authz-req+jwt", Delivery.ByValue)]
    [InlineData("oauth-authz-req+jwt", Delivery.Pushed)]
    [InlineData("OautH-auThZ-REQ+jWt", Delivery.ByValue)]
    [InlineData("OautH-auThZ-REQ+jWt", Delivery.Pushed)]
    [InlineData("application/oauth-authz-req+jwt", Delivery.ByValue)]
    [InlineData("application/oauth-authz-req+jwt", Delivery.Pushed)]
    [InlineData("JWT", Delivery.ByValue)]
    public async Task Accepts_every_request_object_typ_variant(string? typ, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        if (typ is not null)
        {
            attempt.RequestObject.WithHeader("typ", typ);
        }

        var result = await attempt.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("P2")] // The conformance suite's first client: no typ, no iat, no jti.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    [InlineData("jar-required", Delivery.ByValue)]
    public async Task Accepts_R0_exactly(string clientId, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId));
        attempt.RequestObject.Header.ContainsKey("typ").ShouldBeFalse();
        attempt.RequestObject.Claims.ContainsKey("iat").ShouldBeFalse();
        attempt.RequestObject.Claims.ContainsKey("jti").ShouldBeFalse();

        var result = await attempt.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync();
        new JsonWebToken(tokens.Parameters["id_token"]).GetClaim("nonce").Value.ShouldBe(attempt.Nonce);
    }

    [Fact, Row("P2")] // The suite's second client: iat and a typed header, and a jti used once.
    public async Task Accepts_an_object_with_iat_and_jti()
    {
        var attempt = host.Attempt(host.Clients.C1).Edit($"iat=now;jti=\"{Guid.NewGuid():N}\"");
        attempt.RequestObject.WithHeader("typ", "oauth-authz-req+jwt");

        var result = await attempt.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("P5")] // RFC 9101 §5, FAPI 2.0 Security Profile §5.3.3.2-6: client_id and request_uri, nothing else.
    [InlineData("c1")]
    [InlineData("fapi2")]
    public async Task Completes_the_flow_after_PAR_with_only_client_id_and_request_uri(string clientId)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId));
        attempt.FrontChannel.ShouldBeEmpty();

        var result = await attempt.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Fact, Row("P5")] // The conformance suite by default repeats response_type, client_id, scope and redirect_uri beside request_uri.
    public async Task Completes_the_flow_after_PAR_with_consistent_duplicates_beside_the_request_uri()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        attempt.FrontChannel["response_type"] = "code";
        attempt.FrontChannel["scope"] = AuthorizationAttempt.Scope;
        attempt.FrontChannel["redirect_uri"] = host.Clients.Fapi2.RedirectUri;

        var result = await attempt.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Fact, Row("P6")] // OpenID Connect Core §6.1 duplicates equal to the inner values, state and nonce included.
    public async Task Accepts_consistent_outer_duplicates_by_value()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Outer["state"] = attempt.State;
        attempt.Outer["nonce"] = attempt.Nonce;

        var result = await attempt.SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Fact, Row("P6")] // RFC 9101 §5: client_id and request are all that is needed.
    public async Task Accepts_a_request_object_by_value_with_no_outer_duplicates()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Outer["response_type"] = null;
        attempt.Outer["scope"] = null;
        attempt.Outer["redirect_uri"] = null;

        var result = await attempt.SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Fact, Row("P8")] // A FAPI 1 client (PKCE not required) sends a valid S256 challenge by value: code id_token, answered in the fragment.
    public async Task Accepts_a_valid_S256_PKCE_request_by_value_from_a_FAPI1_client()
    {
        var attempt = host.Attempt(host.Clients.Fapi1, "code id_token");

        var result = await attempt.SendAsync(Delivery.ByValue);

        var tokens = await result.ShouldGrantCodeAsync();
        new JsonWebToken(tokens.Parameters["id_token"]).GetClaim("nonce").Value.ShouldBe(attempt.Nonce);
    }

    [Theory, Row("P9")] // RFC 6749 §3.3: scope order is irrelevant.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_the_scope_in_another_order(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit("scope=\"accounts profile openid\"").SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync();
        tokens.Parameters["scope"].Split(' ').Order().ShouldBe(["accounts", "openid", "profile"]);
    }

    [Theory, Row("P9")] // FAPI 2.0 Security Profile §5.3.2.2-14 and NOTE 4: a 64-character nonce echoed exactly; a state over 1000 characters.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_a_64_character_nonce_and_a_long_state(Delivery delivery)
    {
        var state = new string('s', 1200);
        var nonce = new string('n', 32) + new string('N', 32);
        var attempt = host.Attempt(host.Clients.C1).Edit($"state=\"{state}\";nonce=\"{nonce}\"");

        var result = await attempt.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync(state);
        new JsonWebToken(tokens.Parameters["id_token"]).GetClaim("nonce").Value.ShouldBe(nonce);
    }

    [Fact, Row("P9")] // FAPI 2: neither state nor nonce is required.
    public async Task Accepts_a_FAPI2_request_without_state()
    {
        var result = await host.Attempt(host.Clients.Fapi2).Edit("-state").SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync(state: null);
    }

    [Fact, Row("P9")]
    public async Task Accepts_a_FAPI2_request_without_state_or_nonce()
    {
        var result = await host.Attempt(host.Clients.Fapi2).Edit("-state;-nonce").SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(state: null);
        new JsonWebToken(tokens.Parameters["id_token"]).TryGetClaim("nonce", out _).ShouldBeFalse();
    }
}
