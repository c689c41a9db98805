using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// H3 of docs/conformance/catalogue.md: a private_key_jwt client assertion whose <c>aud</c> is the PAR or token endpoint URL is refused
/// (FAPI 2.0 Security Profile §5.3.2.1-8) as a failed client authentication, 401 <c>invalid_client</c> (RFC 6749 §5.2,
/// RFC 7523 §3.2); no request_uri is issued. OpenIddict's error_uri still names the cause (ID2094).
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class ClientAssertionErrorTests(OpenIddictHostFixture host)
{
    [Theory]
    [InlineData("connect/par")]
    [InlineData("connect/token")]
    public async Task Refuses_a_client_assertion_whose_aud_is_an_endpoint_url_with_invalid_client(string endpoint)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.AssertionClaims = claims => claims["aud"] = host.Issuer + endpoint;

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_client", rule: null, status: 401);
        result.Pushed!.ErrorDescription.ShouldBe("The client assertion is not valid: its audience must be this server's issuer identifier, and it must be current and signed by a key of the client.");
        result.Pushed.Parameters["error_uri"].ShouldEndWith("/ID2094");
    }

    [Fact] // OpenIddict's other answers stay: an aud array is invalid_request (ID2172) ...
    public async Task Keeps_OpenIddicts_answer_for_an_assertion_aud_array()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.AssertionClaims = claims => claims["aud"] = new JsonArray(host.Issuer, "https://other.example/");

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", rule: null);
        result.Pushed!.Parameters["error_uri"].ShouldEndWith("/ID2172");
    }

    [Fact] // ... and an assertion signed with another client's key is already invalid_client.
    public async Task Keeps_OpenIddicts_invalid_client_for_an_assertion_signed_with_another_clients_key()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.Authenticator = host.Clients.C1 with { Key = host.Clients.K2 };

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_client", rule: null, status: 401);
        result.Pushed!.ErrorDescription.ShouldNotBe("The client assertion is not valid: its audience must be this server's issuer identifier, and it must be current and signed by a key of the client.");
    }
}
