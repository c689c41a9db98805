using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// P rows of docs/conformance/catalogue.md: what a strict server must still accept. Each one completes the code flow: a redirect
/// to the registered URI with a code and the inner state, and the code redeemed for an access token.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class PositiveControlTests(OpenIddictHostFixture host)
{
    [Theory] // P2: the conformance suite's first client sends neither iat nor jti, and no typ.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_R0_without_iat_or_jti(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.C1).SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // P1: RFC 9101 §4 media type in any case, with or without application/, and plain JWT (RFC 7519 §5.1).
    [InlineData("oauth-authz-req+jwt", Delivery.ByValue)]
    [InlineData("oauth-authz-req+jwt", Delivery.Pushed)]
    [InlineData("OautH-auThZ-REQ+jWt", Delivery.ByValue)]
    [InlineData("OautH-auThZ-REQ+jWt", Delivery.Pushed)]
    [InlineData("application/oauth-authz-req+jwt", Delivery.ByValue)]
    [InlineData("application/oauth-authz-req+jwt", Delivery.Pushed)]
    [InlineData("JWT", Delivery.ByValue)]
    [InlineData("JWT", Delivery.Pushed)]
    public async Task Accepts_the_request_object_typ_variants(string typ, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.WithHeader("typ", typ);

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // The conformance suite's second client: iat and a typed header; and a jti, used once.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_an_object_with_iat_and_jti(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit($"iat=now;jti=\"{Guid.NewGuid():N}\"");
        flow.RequestObject.WithHeader("typ", "oauth-authz-req+jwt");

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // ES256 with C1's P-256 key e1 (FAPI 2.0 Security Profile §5.4.1).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_an_ES256_object_signed_with_the_clients_EC_key(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.SignWith(host.Clients.E1);

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // P5: after PAR the front channel carries client_id and request_uri only.
    public async Task Completes_the_flow_after_PAR_with_only_client_id_and_request_uri()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.FrontChannel.ShouldBeEmpty();

        var result = await flow.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // The conformance suite also repeats response_type, scope and redirect_uri beside request_uri.
    public async Task Completes_the_flow_after_PAR_with_consistent_duplicates_beside_the_request_uri()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.FrontChannel["response_type"] = "code";
        flow.FrontChannel["scope"] = "openid profile accounts";
        flow.FrontChannel["redirect_uri"] = host.Clients.C1.RedirectUri;

        var result = await flow.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // P6: OpenID Connect Core §6.1 duplicates equal to the inner values (what ByValue sends by default).
    public async Task Accepts_consistent_outer_duplicates_by_value()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.Outer["state"] = flow.State;
        flow.Outer["nonce"] = flow.Nonce;

        var result = await flow.SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // RFC 9101 §5: client_id and request are all that is needed.
    public async Task Accepts_a_request_object_by_value_with_no_outer_duplicates()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.Outer["response_type"] = null;
        flow.Outer["scope"] = null;
        flow.Outer["redirect_uri"] = null;

        var result = await flow.SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // P9: a 64-character nonce; a state over 1000 characters (FAPI 2.0 Security Profile §5.3.2.2-14, NOTE 4).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_a_long_state_and_a_64_character_nonce(Delivery delivery)
    {
        var state = new string('s', 1200);
        var flow = host.Flow(host.Clients.C1).Edit($"state=\"{state}\";nonce=\"{new string('n', 64)}\"");

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync(state);
    }

    [Theory] // RFC 7519 §4.1.3: aud may be an array that contains the issuer.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_aud_as_an_array_containing_the_issuer(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.C1).Edit("aud=[\"{ISS}\",\"https://other.example/\"]").SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }
}
