using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// The one place where the JAR engine's stores are chosen. Registered here now: the engine's single-instance
/// defaults, that is policies bound from configuration (<c>Jar:Clients:*:Policy</c>), an in-memory replay ledger,
/// decision records in the log only; and the operator's view of the policies (<see cref="IClientPolicyCatalog"/>),
/// read from the same configuration. The EF Core stores of Jar.IdentityServer.Extensions.EntityFramework
/// (policies, replay ledger and decision records in <see cref="Data.AppDbContext"/>) take their place here, with a
/// catalog that reads and writes the stored policies.
/// </summary>
internal static class JarStoreRegistration
{
    public static IServiceCollection AddSampleJarStores(this IServiceCollection services)
    {
        // A single instance: a jti consumed here is unknown to any other instance (RFC 9101 §10.2 asks for one-time use).
        services.TryAddSingleton<IReplayLedger, InMemoryReplayLedger>();
        services.TryAddSingleton<IClientPolicyCatalog, ConfigurationClientPolicyCatalog>();
        return services;
    }
}
