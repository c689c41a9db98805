using Jar.IdentityServer.Extensions.EntityFramework;
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
/// JwtId) key, so it holds across every instance sharing the database (RFC 9101 §10.2).</item>
/// <item>One row per decision in <c>JarDecisionRecords</c>, shown on the <c>/decisions</c> page.</item>
/// </list>
/// </summary>
internal static class JarStoreRegistration
{
    /// <summary>The configuration section of <see cref="JarEntityFrameworkStoreOptions"/>.</summary>
    public const string StoreSection = "Jar:Store";

    /// <summary>The setting that turns the JAR hardening off (stock OpenIddict), for measurement: default true.</summary>
    public const string EnabledKey = "Jar:Enabled";

    public static IServiceCollection AddSampleJarStores(this IServiceCollection services)
    {
        services.AddJarHardeningEntityFrameworkStores<AppDbContext>();
        services.AddOptions<JarEntityFrameworkStoreOptions>().BindConfiguration(StoreSection);
        return services;
    }
}
