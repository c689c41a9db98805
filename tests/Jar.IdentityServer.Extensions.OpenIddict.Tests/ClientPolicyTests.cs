using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>Per-client policies, as set with <c>AddJarHardening(o => o.Clients[...] = ...)</c>: FAPI 2.0, JAR required, a public PKCE client.</summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class ClientPolicyTests(OpenIddictHostFixture host)
{
    [Fact] // FAPI 2.0 Security Profile §5.3.2.2-3: not through PAR, so refused even with a valid object.
    public async Task FAPI2_client_is_refused_a_valid_request_object_sent_by_value()
    {
        var result = await host.Flow(host.Clients.Fapi2).SendAsync(Delivery.ByValue);

        result.ShouldBeRefused("invalid_request", "JAR602");
    }

    [Fact]
    public async Task FAPI2_client_completes_the_code_flow_through_PAR()
    {
        var result = await host.Flow(host.Clients.Fapi2).SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // A2, A4: FAPI 2.0 Message Signing §5.3.1-1, RFC 9126 §2.3: no plain requests, pushed or not.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task FAPI2_client_is_refused_a_request_without_a_request_object(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.Fapi2).SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR601");
    }

    [Theory] // G1, G2 through PAR: PKCE S256 is required by the FAPI 2.0 profile.
    [InlineData("-code_challenge;-code_challenge_method", "JAR603")]
    [InlineData("code_challenge_method=\"plain\"", "JAR604")]
    [InlineData("-code_challenge_method", "JAR604")]
    [InlineData("code_challenge=\"too-short\"", "JAR605")]
    public async Task FAPI2_client_is_refused_without_S256_PKCE(string edits, string rule)
    {
        var result = await host.Flow(host.Clients.Fapi2).Edit(edits).SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory] // F4: code only.
    [InlineData("response_type=\"code id_token\"", Delivery.Pushed)]
    [InlineData("response_type=\"token\"", Delivery.Pushed)]
    public async Task FAPI2_client_is_refused_a_response_type_other_than_code(string edits, Delivery delivery)
    {
        var result = await host.Flow(host.Clients.Fapi2).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused("unsupported_response_type", "JAR609");
    }

    [Theory] // F1, F3: exact match with a registered redirect URI; never a redirect to the unregistered one.
    [InlineData("redirect_uri=\"http://127.0.0.1/cb1/x\"", "JAR607", Delivery.ByValue)]
    [InlineData("redirect_uri=\"https://junk.io/junk/callback\"", "JAR607", Delivery.Pushed)]
    [InlineData("-redirect_uri", "JAR606", Delivery.ByValue)]
    [InlineData("-redirect_uri", "JAR606", Delivery.Pushed)]
    public async Task Refuses_a_redirect_uri_that_is_missing_or_not_registered(string edits, string rule, Delivery delivery)
    {
        var result = await host.Flow(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory] // RequireRequestObject = true: by value or pushed, but always a signed object.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Client_requiring_JAR_is_refused_a_plain_request(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.StrictJar).SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR601");
    }

    [Theory] // Its key is an ES256 P-256 key.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Client_requiring_JAR_completes_the_code_flow_with_a_request_object(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.StrictJar).SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Fact] // The default strict profile does not require request objects.
    public async Task Default_client_completes_the_code_flow_with_a_plain_request()
    {
        var result = await host.Flow(host.Clients.C1).SendWithoutRequestObjectAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Fact]
    public async Task Public_client_completes_the_code_flow_with_a_plain_PKCE_request()
    {
        var result = await host.Flow(host.Clients.Public).SendWithoutRequestObjectAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // G1: RFC 7636 §4.4.1; only S256 (§4.3: a missing method means plain).
    [InlineData("-code_challenge;-code_challenge_method", "JAR603")]
    [InlineData("code_challenge_method=\"plain\"", "JAR604")]
    [InlineData("code_challenge_method=\"s256\"", "JAR604")]
    public async Task Public_client_is_refused_without_S256_PKCE(string edits, string rule)
    {
        var result = await host.Flow(host.Clients.Public).Edit(edits).SendWithoutRequestObjectAsync(Delivery.ByValue);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory] // A client with no registered key cannot have signed anything (RFC 9101 §6.2).
    [InlineData("k1", "JAR203")]
    [InlineData(null, "JAR204")]
    public async Task Public_client_without_keys_is_refused_any_request_object(string? kid, string rule)
    {
        var flow = host.Flow(host.Clients.Public);
        flow.RequestObject.SignWith(host.Clients.K1);
        if (kid is null)
        {
            flow.RequestObject.WithoutHeader("kid");
        }

        var result = await flow.SendAsync(Delivery.ByValue);

        result.ShouldBeRefused("invalid_request_object", rule);
    }
}
