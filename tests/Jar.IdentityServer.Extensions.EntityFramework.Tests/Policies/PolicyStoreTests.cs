using System.Text.Json;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Policies;

/// <summary>Client policies stored next to the client registrations: a profile a client may tighten, never loosen.</summary>
public abstract class PolicyStoreTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{

    [Fact]
    public async Task Stored_profile_and_overrides_resolve_into_the_client_policy()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides
        {
            Profile = JarProfiles.Fapi2MessageSigning,
            AllowedScopes = ["openid", "accounts"],
            ClockSkew = TimeSpan.FromSeconds(5),
            RequireJwtId = true,
            Mode = EnforcementMode.ReportOnly,
        });

        var policy = await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None);

        policy.Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
        policy.RequirePushedAuthorizationRequests.ShouldBeTrue();
        policy.AllowedScopes!.OrderBy(s => s, StringComparer.Ordinal).ShouldBe(["accounts", "openid"]);
        policy.ClockSkew.ShouldBe(TimeSpan.FromSeconds(5));
        policy.RequireJwtId.ShouldBeTrue();
        policy.Mode.ShouldBe(EnforcementMode.ReportOnly);
    }

    [Fact]
    public async Task Get_reports_the_stored_overrides_and_where_each_setting_came_from()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true });

        var stored = await host.Administration.GetAsync(ClientId);

        stored.Origin.ShouldBe(JarPolicyOrigin.Database);
        stored.Overrides.ShouldBe(new JarPolicyOverrides { RequireJwtId = true });
        stored.Revision.ShouldBe(1);
        stored.UpdatedAt.ShouldBe(Start);
        stored.Resolution.Policy.Profile.ShouldBe(JarProfiles.Strict);
        stored.Resolution.Sources[nameof(JarPolicy.RequireJwtId)].ShouldBe("override");
        stored.Resolution.Sources[nameof(JarPolicy.RequirePkce)].ShouldBe("profile:strict");
    }

    [Fact]
    public async Task Set_refuses_a_loosening_naming_the_setting_and_writes_nothing()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        var refused = await Should.ThrowAsync<JarPolicyException>(() =>
            host.Administration.SetAsync(ClientId, new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, RequirePushedAuthorizationRequests = false }));

        refused.Settings.ShouldBe([nameof(JarPolicy.RequirePushedAuthorizationRequests)]);
        refused.Message.ShouldContain(nameof(JarPolicy.RequirePushedAuthorizationRequests));
        (await RowAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task Set_refuses_a_loosening_update_and_keeps_the_stored_row()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { AllowedSigningAlgorithms = ["PS256"] });

        var refused = await Should.ThrowAsync<JarPolicyException>(() =>
            host.Administration.SetAsync(ClientId, new JarPolicyOverrides { AllowedSigningAlgorithms = ["PS256", "RS256"] }));

        refused.Settings.ShouldBe([nameof(JarPolicy.AllowedSigningAlgorithms)]);
        var row = (await RowAsync()).ShouldNotBeNull();
        row.Revision.ShouldBe(1);
        (await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).AllowedSigningAlgorithms.ShouldBe(["PS256"]);
    }

    [Fact]
    public async Task Set_refuses_a_change_that_loosens_the_stored_policy_unless_approved_and_records_the_approved_one()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true, AllowedScopes = ["openid"] });

        var refused = await Should.ThrowAsync<JarPolicyLooseningException>(() => host.Administration.SetAsync(ClientId, new JarPolicyOverrides { AllowedScopes = ["openid"] }));

        refused.Loosenings.ShouldBe([new JarPolicyLoosening("RequireJwtId", "true", "false")]);
        (await host.Administration.GetAsync(ClientId)).Resolution.Policy.RequireJwtId.ShouldBeTrue();
        var changes = host.Services.GetRequiredService<IJarPolicyChangeLog>();
        (await changes.ListAsync(DateTimeOffset.MinValue)).Where(c => c.ClientId == ClientId).ShouldBeEmpty();

        var stored = await host.Administration.SetAsync(ClientId, new JarPolicyOverrides(), new JarPolicyLooseningApproval("ops-admin", "partner cannot send jti"));

        stored.Resolution.Policy.RequireJwtId.ShouldBeFalse();
        var change = (await changes.ListAsync(DateTimeOffset.MinValue)).Where(c => c.ClientId == ClientId).ShouldHaveSingleItem();
        (change.ClientId, change.Actor, change.Reason, change.ChangedAt).ShouldBe((ClientId, "ops-admin", "partner cannot send jti", stored.UpdatedAt!.Value));
        change.Loosenings.ShouldBe([new JarPolicyLoosening("RequireJwtId", "true", "false"), new JarPolicyLoosening("AllowedScopes", "[openid]", "(none)")], ignoreOrder: true);
    }

    [Fact]
    public async Task Each_update_replaces_the_row_and_raises_its_revision()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true });
        Time.Advance(TimeSpan.FromMinutes(1));

        var stored = await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced }, new JarPolicyLooseningApproval("operator", "FAPI 1.0 partner"));

        stored.Revision.ShouldBe(2);
        stored.UpdatedAt.ShouldBe(Start.AddMinutes(1));
        var row = (await RowAsync()).ShouldNotBeNull();
        row.Profile.ShouldBe(JarProfiles.Fapi1Advanced);
        row.OverridesJson.ShouldBe("{}");
        (await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).RequireJwtId.ShouldBeFalse();
    }

    [Fact]
    public async Task A_client_without_a_row_gets_its_configured_policy()
    {
        await using var host = new StoreHost(Database.Configure, Time, engine: o => o.Clients[ClientId] = new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced, RequireJwtId = true });

        var policy = await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None);
        var stored = await host.Administration.GetAsync(ClientId);

        policy.Profile.ShouldBe(JarProfiles.Fapi1Advanced);
        policy.RequireJwtId.ShouldBeTrue();
        stored.Origin.ShouldBe(JarPolicyOrigin.Configuration);
        stored.Revision.ShouldBeNull();
    }

    [Fact]
    public async Task A_row_wins_over_the_configured_policy()
    {
        await using var host = new StoreHost(Database.Configure, Time, engine: o => o.Clients[ClientId] = new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced });
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning });

        (await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task A_client_without_a_row_or_configuration_gets_the_default_profile()
    {
        await using var host = new StoreHost(Database.Configure, Time, engine: o => o.DefaultProfile = JarProfiles.Fapi1Advanced);

        var policy = await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None);

        policy.ShouldBe(JarProfiles.Resolve(ClientId, null, JarProfiles.Fapi1Advanced).Policy);
        (await host.Administration.GetAsync(ClientId)).Origin.ShouldBe(JarPolicyOrigin.Default);
    }

    [Fact]
    public async Task Another_instance_sees_a_change_once_its_cache_expires()
    {
        await using var admin = new StoreHost(Database.Configure, Time, stores: o => o.PolicyCacheDuration = TimeSpan.FromSeconds(10));
        await using var other = new StoreHost(Database.Configure, Time, stores: o => o.PolicyCacheDuration = TimeSpan.FromSeconds(10));
        (await other.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Strict);

        await admin.Administration.SetAsync(ClientId, new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning });

        (await admin.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
        (await other.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Strict);
        Time.Advance(TimeSpan.FromSeconds(10));
        (await other.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task Seeding_inserts_missing_rows_and_keeps_existing_ones()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var seeded = ClientId + "-seeded";
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning });

        var inserted = await host.Administration.SeedAsync(new Dictionary<string, JarPolicyOverrides>
        {
            [ClientId] = new() { Profile = JarProfiles.Fapi1Advanced },
            [seeded] = new() { Profile = JarProfiles.Fapi1Advanced, RequireJwtId = true },
        });

        inserted.ShouldBe(1);
        (await host.Policies.GetPolicyAsync(ClientId, CancellationToken.None)).Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
        var policy = await host.Policies.GetPolicyAsync(seeded, CancellationToken.None);
        policy.Profile.ShouldBe(JarProfiles.Fapi1Advanced);
        policy.RequireJwtId.ShouldBeTrue();
        (await host.Administration.SeedAsync(new Dictionary<string, JarPolicyOverrides> { [seeded] = new() })).ShouldBe(0);
    }

    [Fact]
    public async Task Seeding_with_one_loosening_entry_writes_nothing()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var valid = ClientId + "-valid";

        var refused = await Should.ThrowAsync<JarPolicyException>(() => host.Administration.SeedAsync(new Dictionary<string, JarPolicyOverrides>
        {
            [valid] = new() { RequireJwtId = true },
            [ClientId] = new() { RequirePkce = false },
        }));

        refused.ClientId.ShouldBe(ClientId);
        refused.Settings.ShouldBe([nameof(JarPolicy.RequirePkce)]);
        (await RowAsync(valid)).ShouldBeNull();
        (await RowAsync()).ShouldBeNull();
    }

    [Fact]
    public async Task A_row_edited_into_a_loosening_fails_closed()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await InsertRowAsync(JarProfiles.Strict, """{"requirePkce":false}""");

        var refused = await Should.ThrowAsync<JarPolicyException>(() => host.Policies.GetPolicyAsync(ClientId, CancellationToken.None).AsTask());

        refused.Settings.ShouldBe([nameof(JarPolicy.RequirePkce)]);
    }

    [Fact]
    public async Task A_row_with_a_setting_this_version_does_not_know_fails_closed()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await InsertRowAsync(null, """{"requireQuantumSignatures":true}""");

        await Should.ThrowAsync<JsonException>(() => host.Policies.GetPolicyAsync(ClientId, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Stored_overrides_are_readable_json_without_the_profile()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides
        {
            Profile = JarProfiles.Fapi1Advanced,
            AllowedScopes = ["openid"],
            MaxRequestObjectLifetime = TimeSpan.FromMinutes(10),
            OuterParameters = OuterParameterHandling.Discard,
        });

        var row = (await RowAsync()).ShouldNotBeNull();
        row.Profile.ShouldBe(JarProfiles.Fapi1Advanced);
        row.OverridesJson.ShouldBe("""{"allowedScopes":["openid"],"maxRequestObjectLifetime":"00:10:00","outerParameters":"Discard"}""");
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_policy_store_throw_instead_of_answering()
    {
        await using var host = new StoreHost(Database.ConfigureUnreachable, Time, engine: o => o.Clients[ClientId] = new JarPolicyOverrides());

        await Failures.ShouldFailOnTheDatabaseAsync(() => host.Policies.GetPolicyAsync(ClientId, CancellationToken.None).AsTask());
        await Failures.ShouldFailOnTheDatabaseAsync(() => host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true }));
    }

    private async Task<JarClientPolicy?> RowAsync(string? clientId = null)
    {
        clientId ??= ClientId;
        await using var context = Database.CreateContext();
        return await context.Set<JarClientPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId);
    }

    private async Task InsertRowAsync(string? profile, string json)
    {
        await using var context = Database.CreateContext();
        context.Add(new JarClientPolicy { ClientId = ClientId, Profile = profile, OverridesJson = json, Revision = 1, UpdatedAt = Start });
        await context.SaveChangesAsync();
    }
}

public sealed class SqlitePolicyStoreTests(SqliteDatabase database) : PolicyStoreTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresPolicyStoreTests(PostgresDatabase database) : PolicyStoreTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
