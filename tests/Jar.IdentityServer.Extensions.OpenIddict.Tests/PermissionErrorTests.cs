using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// F5 through the host's own registration: a scope the server knows but the client's OpenIddict permissions do not
/// include is invalid_scope (RFC 6749 §4.1.2.1, RFC 9126 §2.1; rule JAR614) at the PAR endpoint (400 JSON) and at
/// the authorization endpoint (a local page, no redirect), where stock OpenIddict answers invalid_request. An endpoint
/// the client may not use is unauthorized_client (JAR616).
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class PermissionErrorTests(OpenIddictHostFixture host)
{
    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_the_clients_registration_does_not_permit_with_invalid_scope(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["scope"] = "openid profile accounts email";

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Theory]
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_plain_request_for_a_scope_the_clients_registration_does_not_permit(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["scope"] = "openid email";

        var result = await flow.SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Fact]
    public async Task Refuses_a_scope_the_server_does_not_know_with_the_same_rule()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.RequestObject.Claims["scope"] = "openid admin";

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Fact]
    public async Task Refuses_a_public_client_without_the_PAR_endpoint_permission_with_unauthorized_client()
    {
        var result = await host.Flow(host.Clients.Public).SendWithoutRequestObjectAsync(Delivery.Pushed);

        result.ShouldBeRefused("unauthorized_client", "JAR616");
    }
}
