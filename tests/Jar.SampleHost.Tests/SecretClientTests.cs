using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Jar.SampleHost.Tests;

/// <summary>A client added by configuration alone, authenticating with a shared secret instead of a key.</summary>
public sealed class SecretClientTests(SecretClientHostFactory host) : IClassFixture<SecretClientHostFactory>
{
    [Fact]
    public async Task A_client_added_in_configuration_completes_the_code_flow_with_client_secret_basic()
    {
        var request = await AuthorizationFlow.StartAsync(host, SecretClientHostFactory.ClientId);

        // No key to sign with and no policy asking for one: plain parameters with PKCE.
        request.Delivery.ShouldBe(DemoDelivery.Query);
        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
        tokens.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_secret_client_pushes_its_request_to_par_with_client_secret_basic()
    {
        var request = await AuthorizationFlow.StartAsync(host, SecretClientHostFactory.ClientId, DemoDelivery.PushedRequestObject);

        request.RequestObject.ShouldBeNull();
        request.RequestUri.ShouldNotBeNull().ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        AuthorizationFlow.Query(request.AuthorizationUrl).Keys.Order().ShouldBe(["client_id", "request_uri"]);
    }

    [Fact]
    public async Task A_changed_secret_in_configuration_replaces_the_registered_one_on_the_next_seeding()
    {
        _ = host.Server;
        var configured = host.Services.GetRequiredService<IOptions<SampleClientsOptions>>().Value;
        var changed = new SampleClientsOptions();
        var original = configured.Clients[SecretClientHostFactory.ClientId];
        var rotated = new SampleClientSettings { DisplayName = original.DisplayName, Type = original.Type, Secret = "a-rotated-demo-secret", Policy = original.Policy };
        foreach (var uri in original.RedirectUris)
        {
            rotated.RedirectUris.Add(uri);
        }

        foreach (var scope in original.Scopes)
        {
            rotated.Scopes.Add(scope);
        }

        changed.Clients[SecretClientHostFactory.ClientId] = rotated;

        await SeedAsync(changed);
        (await SecretIsAsync("a-rotated-demo-secret")).ShouldBeTrue();
        (await SecretIsAsync(SecretClientHostFactory.Secret)).ShouldBeFalse();

        await SeedAsync(configured);
        (await SecretIsAsync(SecretClientHostFactory.Secret)).ShouldBeTrue();
    }

    private async Task SeedAsync(SampleClientsOptions clients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await new ClientSeeder(
            scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(),
            Options.Create(clients),
            scope.ServiceProvider.GetRequiredService<IJarPolicyAdministration>(),
            scope.ServiceProvider.GetRequiredService<IHostEnvironment>(),
            NullLogger<ClientSeeder>.Instance).SeedAsync(CancellationToken.None);
    }

    private async Task<bool> SecretIsAsync(string secret)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = (await applications.FindByClientIdAsync(SecretClientHostFactory.ClientId)).ShouldNotBeNull();
        return await applications.ValidateClientSecretAsync(application, secret);
    }
}
