using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.IdentityServer.Extensions.Redis;
using Jar.SampleHost.Data;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// The one place where the JAR engine's stores are chosen: the Entity Framework Core stores of
/// Jar.IdentityServer.Extensions.EntityFramework, in <see cref="AppDbContext"/> beside OpenIddict's entities.
/// <list type="bullet">
/// <item>Client policies in <c>JarClientPolicies</c>, seeded from <c>Jar:Clients:&lt;id&gt;:Policy</c> on start
/// (<see cref="DatabaseInitializer"/>) and from then on read and written there: the table is the source of truth,
/// and <see cref="IJarPolicyAdministration"/> is how the host's pages and commands read and change it.</item>
/// <item>The replay ledger in <c>JarReplayEntries</c>: a consumed <c>jti</c> is one INSERT under the (ClientId,
/// JwtId) key, so it holds across every instance sharing the database (RFC 9101 §10.2). With
/// <c>Jar:ReplayLedger = Redis</c> it is in the Redis at <c>ConnectionStrings:Redis</c> instead, one
/// <c>SET NX PX</c> per <c>jti</c>, shared by every instance naming that Redis.</item>
/// <item>One row per decision in <c>JarDecisionRecords</c>, shown on the <c>/decisions</c> page.</item>
/// </list>
/// </summary>
internal static class JarStoreRegistration
{
    /// <summary>The configuration section of <see cref="JarEntityFrameworkStoreOptions"/>.</summary>
    public const string StoreSection = "Jar:Store";

    /// <summary>The configuration section of <see cref="JarAuditOptions"/>: checkpoints and evidence of the decision trail.</summary>
    public const string AuditSection = "Jar:Audit";

    /// <summary>The setting that turns the JAR hardening off (stock OpenIddict), for measurement: default true.</summary>
    public const string EnabledKey = "Jar:Enabled";

    /// <summary>The setting that chooses the replay ledger (<see cref="ReplayLedgerKind"/>), read at start.</summary>
    public const string ReplayLedgerKey = "Jar:ReplayLedger";

    /// <summary>The connection string of the Redis replay ledger.</summary>
    public const string RedisConnectionStringName = "Redis";

    public static IServiceCollection AddSampleJarStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJarHardeningEntityFrameworkStores<AppDbContext>();
        services.AddOptions<JarEntityFrameworkStoreOptions>().BindConfiguration(StoreSection);

        // The checkpoint key and file live beside the SQLite file by default (App_Data), never in the database.
        services.AddOptions<JarAuditOptions>().BindConfiguration(AuditSection).PostConfigure<IHostEnvironment>((audit, environment) =>
        {
            audit.CheckpointKeyFile = Path.Combine(environment.ContentRootPath, "App_Data", audit.CheckpointKeyFile);
            audit.CheckpointFile = Path.Combine(environment.ContentRootPath, "App_Data", audit.CheckpointFile);
        });

        if (ReplayLedger(configuration) == ReplayLedgerKind.Redis)
        {
            // After the database stores: the Redis ledger replaces theirs, policies and decision records stay.
            services.AddJarHardeningRedisReplayLedger();
            services.AddOptions<RedisReplayLedgerOptions>().Configure<IConfiguration>(static (redis, settings) =>
                redis.Configuration = settings.GetConnectionString(RedisConnectionStringName));
        }

        return services;
    }

    /// <summary>The configured ledger; an unknown value stops the host at start, naming the setting.</summary>
    public static ReplayLedgerKind ReplayLedger(IConfiguration configuration)
    {
        var value = configuration[ReplayLedgerKey];
        if (string.IsNullOrEmpty(value))
        {
            return ReplayLedgerKind.Database;
        }

        return Enum.TryParse<ReplayLedgerKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new InvalidOperationException($"{ReplayLedgerKey} is '{value}'; expected Database or Redis.");
    }
}
