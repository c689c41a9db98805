using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Entity Framework Core stores of Jar.IdentityServer.Extensions.</summary>
public static class JarEntityFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Stores client policies, the replay ledger and decision records in <typeparamref name="TContext"/>, the
    /// host's own DbContext (its model must call <c>UseJarHardening()</c>). Replaces the engine's single-instance
    /// policy store and replay ledger whether the engine is added before or after, adds the decision sink, the
    /// <see cref="IJarPolicyAdministration"/> service and the background pruning of expired replay entries. Each
    /// store call uses a context of its own: from <see cref="IDbContextFactory{TContext}"/> when the host
    /// registered one, else from a new scope.
    /// </summary>
    public static IServiceCollection AddJarHardeningEntityFrameworkStores<TContext>(
        this IServiceCollection services,
        Action<JarEntityFrameworkStoreOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JarEntityFrameworkStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JarEntityFrameworkStoreOptions>, JarEntityFrameworkStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JarPolicyCache>();
        services.TryAddSingleton<JarDbContexts<TContext>>();
        services.TryAddSingleton<EntityFrameworkJarPolicyStore<TContext>>();
        services.TryAddSingleton<EntityFrameworkReplayLedger<TContext>>();

        // The engine adds its defaults with TryAdd: Replace wins whichever is registered first.
        services.Replace(ServiceDescriptor.Singleton<IJarPolicyStore>(static sp => sp.GetRequiredService<EntityFrameworkJarPolicyStore<TContext>>()));
        services.Replace(ServiceDescriptor.Singleton<IReplayLedger>(static sp => sp.GetRequiredService<EntityFrameworkReplayLedger<TContext>>()));
        services.TryAddSingleton<ChainAppendQueue<TContext>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJarDecisionSink, EntityFrameworkDecisionSink<TContext>>());
        services.TryAddSingleton<IJarPolicyAdministration, EntityFrameworkJarPolicyAdministration<TContext>>();
        services.TryAddSingleton<IJarPolicyChangeLog, EntityFrameworkJarPolicyChangeLog<TContext>>();
        services.AddHostedService<ReplayPruningService<TContext>>();

        // The decision chain's verification, export, checkpoints and retention.
        services.AddOptions<JarAuditOptions>();
        services.TryAddSingleton<CheckpointSigner>();
        services.TryAddSingleton<IJarAuditTrail, EntityFrameworkAuditTrail<TContext>>();
        services.AddHostedService<CheckpointService<TContext>>();
        return services;
    }
}
