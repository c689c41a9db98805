using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the JAR entities to the host's own DbContext, next to its client registrations.</summary>
public static class JarHardeningEntityFrameworkCoreExtensions
{
    /// <summary>
    /// Adds <see cref="JarClientPolicy"/>, <see cref="JarReplayEntry"/>, <see cref="JarDecisionRecord"/> and
    /// <see cref="JarPolicyChangeRecord"/> (tables <c>JarClientPolicies</c>, <c>JarReplayEntries</c>,
    /// <c>JarDecisionRecords</c>, <c>JarPolicyChanges</c>). Call it from
    /// <c>OnModelCreating</c>; it composes with any other library's model, OpenIddict's included.
    /// </summary>
    public static ModelBuilder UseJarHardening(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ApplyConfiguration(new JarClientPolicyConfiguration());
        builder.ApplyConfiguration(new JarReplayEntryConfiguration());
        builder.ApplyConfiguration(new JarDecisionRecordConfiguration());
        builder.ApplyConfiguration(new JarDecisionChainHeadConfiguration());
        builder.ApplyConfiguration(new JarPolicyChangeRecordConfiguration());
        return builder;
    }

    /// <summary>
    /// Adds the JAR entities through the context's model customizer, without touching <c>OnModelCreating</c>.
    /// The customizer registered before (the provider's, or OpenIddict's from an earlier <c>UseOpenIddict()</c>)
    /// still runs. A library that replaces the customizer afterwards drops the JAR entities; the stores then
    /// refuse to run and say so. Calling <see cref="UseJarHardening(ModelBuilder)"/> instead avoids the question.
    /// </summary>
    public static DbContextOptionsBuilder UseJarHardening(this DbContextOptionsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var core = builder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        var current = typeof(RelationalModelCustomizer);
        foreach (var (key, implementation) in core.ReplacedServices ?? new Dictionary<(Type, Type?), Type>())
        {
            if (key.Item1 == typeof(IModelCustomizer))
            {
                current = implementation;
            }
        }

        if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(JarHardeningModelCustomizer<>))
        {
            return builder;
        }

        var customizer = typeof(JarHardeningModelCustomizer<>).MakeGenericType(current);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(core.WithReplacedService(typeof(IModelCustomizer), customizer, null));
        return builder;
    }

    /// <inheritdoc cref="UseJarHardening(DbContextOptionsBuilder)"/>
    public static DbContextOptionsBuilder<TContext> UseJarHardening<TContext>(this DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext
    {
        UseJarHardening((DbContextOptionsBuilder)builder);
        return builder;
    }
}
