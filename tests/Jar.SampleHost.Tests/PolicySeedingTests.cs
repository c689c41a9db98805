using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>
/// Configuration seeds each client's policy once; after that the stored policy is the source of truth, across
/// restarts on the same database.
/// </summary>
public sealed class PolicySeedingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jar-sample-seeding-").FullName;

    [Fact]
    public async Task A_stored_policy_outlives_a_restart_with_changed_configuration_and_a_newly_configured_client_is_seeded()
    {
        using (var first = new FileHostFactory(_directory, []))
        {
            var seeded = await GetAsync(first, "strict-client");
            seeded.Origin.ShouldBe(JarPolicyOrigin.Database);
            seeded.Revision.ShouldBe(1);
            seeded.Overrides.ShouldBe(new JarPolicyOverrides { Profile = "strict", RequireRequestObject = true });

            await using var scope = first.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IJarPolicyAdministration>()
                .SetAsync("strict-client", new JarPolicyOverrides { Profile = "strict", RequireRequestObject = true, RequireJwtId = true });
        }

        using var second = new FileHostFactory(_directory, new Dictionary<string, string?>
        {
            ["Jar:Clients:strict-client:Policy:RequirePushedAuthorizationRequests"] = "true",
            ["Jar:Clients:late-client:Type"] = "public",
            ["Jar:Clients:late-client:RedirectUris:0"] = AuthorizationFlow.RedirectUri,
            ["Jar:Clients:late-client:Scopes:0"] = "openid",
            ["Jar:Clients:late-client:Policy:Profile"] = "fapi2-message-signing",
        });

        var kept = await GetAsync(second, "strict-client");
        kept.Origin.ShouldBe(JarPolicyOrigin.Database);
        kept.Revision.ShouldBe(2);
        kept.Overrides.ShouldBe(new JarPolicyOverrides { Profile = "strict", RequireRequestObject = true, RequireJwtId = true });
        kept.Resolution.Policy.RequirePushedAuthorizationRequests.ShouldBeFalse();

        var late = await GetAsync(second, "late-client");
        late.Origin.ShouldBe(JarPolicyOrigin.Database);
        late.Revision.ShouldBe(1);
        late.Resolution.Policy.Profile.ShouldBe("fapi2-message-signing");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<JarStoredPolicy> GetAsync(SampleHostFactory host, string clientId)
    {
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJarPolicyAdministration>().GetAsync(clientId);
    }

    /// <summary>The host on a SQLite file that outlives it, with configuration added.</summary>
    private sealed class FileHostFactory(string directory, Dictionary<string, string?> extra) : SampleHostFactory
    {
        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "Sqlite";
            settings["ConnectionStrings:Jar"] = $"Data Source={Path.Combine(directory, "jar-sample.db")};Pooling=False";
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }
        }
    }
}
