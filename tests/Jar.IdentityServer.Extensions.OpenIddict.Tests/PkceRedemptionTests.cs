using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// G4-G5 of docs/conformance/catalogue.md: a PKCE-bound authorization code is redeemed only with its verifier (RFC 7636 §4.6); a
/// missing or wrong verifier is 400 <c>invalid_grant</c> at the token endpoint (RFC 6749 §5.2). Every client's
/// policy requires PKCE, so the fixture has no code without a challenge.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class PkceRedemptionTests(OpenIddictHostFixture host)
{
    private const string MissingVerifier = "The code_verifier is missing: an authorization code issued with a PKCE code challenge is redeemed only with its verifier.";

    [Theory]
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_to_redeem_a_PKCE_bound_code_without_code_verifier_with_invalid_grant(string clientId, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Client(clientId));
        var code = (await (await flow.SendAsync(delivery)).ShouldRedirectWithCodeAsync(flow.State))["code"].ToString();

        var tokens = await flow.RedeemAsync(code, flow.Client.RedirectUri, codeVerifier: null);

        tokens.ShouldBeJsonError(400, "invalid_grant", rule: null);
        tokens.ErrorDescription.ShouldBe(MissingVerifier);
        tokens.Parameters.ShouldNotContainKey("access_token");
    }

    [Fact] // A public client (no client authentication) gets the same answer.
    public async Task Refuses_a_public_clients_redemption_without_code_verifier_with_invalid_grant()
    {
        var flow = host.Flow(host.Clients.Public);
        var code = (await (await flow.SendWithoutRequestObjectAsync(Delivery.ByValue)).ShouldRedirectWithCodeAsync(flow.State))["code"].ToString();

        var tokens = await flow.RedeemAsync(code, flow.Client.RedirectUri, codeVerifier: null);

        tokens.ShouldBeJsonError(400, "invalid_grant", rule: null);
        tokens.ErrorDescription.ShouldBe(MissingVerifier);
    }

    [Fact] // Control: a wrong verifier was already invalid_grant, and stays OpenIddict's answer.
    public async Task Keeps_OpenIddicts_invalid_grant_for_a_wrong_code_verifier()
    {
        var flow = host.Flow(host.Clients.C1);
        var code = (await (await flow.SendAsync(Delivery.Pushed)).ShouldRedirectWithCodeAsync(flow.State))["code"].ToString();

        var tokens = await flow.RedeemAsync(code, flow.Client.RedirectUri, Pkce.Create().Verifier);

        tokens.ShouldBeJsonError(400, "invalid_grant", rule: null);
        tokens.ErrorDescription.ShouldNotBe(MissingVerifier);
    }

    [Fact] // Control: another missing parameter of the same grant stays OpenIddict's invalid_request.
    public async Task Keeps_OpenIddicts_invalid_request_for_a_redemption_without_code()
    {
        var flow = host.Flow(host.Clients.C1);

        var tokens = await flow.RedeemAsync(code: string.Empty, flow.Client.RedirectUri, codeVerifier: null);

        tokens.ShouldBeJsonError(400, "invalid_request", rule: null);
        tokens.ErrorDescription.ShouldNotBe(MissingVerifier);
    }

    [Fact] // Control: the verifier itself completes the flow.
    public async Task Redeems_a_PKCE_bound_code_with_its_code_verifier()
    {
        var flow = host.Flow(host.Clients.C1);
        var code = (await (await flow.SendAsync(Delivery.ByValue)).ShouldRedirectWithCodeAsync(flow.State))["code"].ToString();

        var tokens = await flow.RedeemAsync(code, flow.Client.RedirectUri);

        tokens.Status.ShouldBe(200, tokens.ToString());
        tokens.Parameters.ShouldContainKey("access_token");
    }
}
