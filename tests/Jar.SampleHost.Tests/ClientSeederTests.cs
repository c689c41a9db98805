using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Tests;

/// <summary>Seeding on start: the configured clients are registered with OpenIddict, changed ones updated, others untouched.</summary>
public sealed class ClientSeederTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Each_configured_client_is_registered_with_its_type_keys_redirect_uri_and_policy_requirements()
    {
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();

        var fapi2 = (await applications.FindByClientIdAsync("fapi2-client")).ShouldNotBeNull();
        (await applications.GetClientTypeAsync(fapi2)).ShouldBe(ClientTypes.Confidential);
        (await applications.GetJsonWebKeySetAsync(fapi2)).ShouldNotBeNull().Keys.Single().Kid.ShouldBe("fapi2-client-demo-1");
        (await applications.GetRedirectUrisAsync(fapi2)).ShouldBe(["http://127.0.0.1:5080/callback"]);
        (await applications.GetRequirementsAsync(fapi2)).Order().ShouldBe([Requirements.Features.PushedAuthorizationRequests, Requirements.Features.ProofKeyForCodeExchange]);
        (await applications.HasPermissionAsync(fapi2, Permissions.GrantTypes.RefreshToken)).ShouldBeTrue();

        var strict = (await applications.FindByClientIdAsync("strict-client")).ShouldNotBeNull();
        (await applications.GetRequirementsAsync(strict)).ShouldBe([Requirements.Features.ProofKeyForCodeExchange]);
        (await applications.HasPermissionAsync(strict, Permissions.GrantTypes.RefreshToken)).ShouldBeFalse();

        // Report-only: OpenIddict must not enforce what the stored policy only reports.
        var rollout = (await applications.FindByClientIdAsync("rollout-client")).ShouldNotBeNull();
        (await applications.GetRequirementsAsync(rollout)).ShouldBeEmpty();
        (await applications.GetJsonWebKeySetAsync(rollout)).ShouldNotBeNull().Keys.Single().Kty.ShouldBe("EC");

        var publicClient = (await applications.FindByClientIdAsync("public-client")).ShouldNotBeNull();
        (await applications.GetClientTypeAsync(publicClient)).ShouldBe(ClientTypes.Public);
        (await applications.GetJsonWebKeySetAsync(publicClient)).ShouldBeNull();
    }

    [Fact]
    public async Task Seeding_again_with_the_same_configuration_leaves_registrations_untouched_and_a_change_updates_them()
    {
        _ = host.Server;
        var before = await ConcurrencyTokenAsync("public-client");
        var configured = host.Services.GetRequiredService<IOptions<SampleClientsOptions>>().Value;

        await SeedAsync(configured);
        (await ConcurrencyTokenAsync("public-client")).ShouldBe(before);

        var changed = new SampleClientsOptions();
        foreach (var (clientId, settings) in configured.Clients)
        {
            changed.Clients[clientId] = settings;
        }

        var moved = new SampleClientSettings { DisplayName = "Moved public client", Type = ClientTypeNames.Public, Policy = configured.Clients["public-client"].Policy };
        moved.RedirectUris.Add("http://127.0.0.1:5081/callback");
        foreach (var scope in configured.Clients["public-client"].Scopes)
        {
            moved.Scopes.Add(scope);
        }

        changed.Clients["public-client"] = moved;
        await SeedAsync(changed);

        (await ConcurrencyTokenAsync("public-client")).ShouldNotBe(before);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var application = (await applications.FindByClientIdAsync("public-client")).ShouldNotBeNull();
            (await applications.GetRedirectUrisAsync(application)).ShouldBe(["http://127.0.0.1:5081/callback"]);
            (await applications.GetDisplayNameAsync(application)).ShouldBe("Moved public client");
        }

        // And back, so the configuration stays the source of truth.
        await SeedAsync(configured);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            (await applications.GetRedirectUrisAsync((await applications.FindByClientIdAsync("public-client"))!)).ShouldBe(["http://127.0.0.1:5080/callback"]);
        }
    }

    private async Task SeedAsync(SampleClientsOptions clients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var seeder = new ClientSeeder(
            scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(),
            Options.Create(clients),
            scope.ServiceProvider.GetRequiredService<IJarPolicyAdministration>(),
            scope.ServiceProvider.GetRequiredService<IHostEnvironment>(),
            NullLogger<ClientSeeder>.Instance);
        await seeder.SeedAsync(CancellationToken.None);
    }

    private async Task<string?> ConcurrencyTokenAsync(string clientId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await database.Set<OpenIddictEntityFrameworkCoreApplication>().Where(a => a.ClientId == clientId).Select(a => a.ConcurrencyToken).SingleAsync();
    }
}
