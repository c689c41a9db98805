using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis replay ledger of Jar.IdentityServer.Extensions.</summary>
public static class JarRedisServiceCollectionExtensions
{
    /// <summary>
    /// Keeps consumed request object <c>jti</c> values in Redis, shared by every instance that names the same Redis.
    /// Replaces the replay ledger registered before it: call it after <c>AddJarHardening()</c> and after
    /// <c>AddJarHardeningEntityFrameworkStores</c>, whose policies and decision records stay in the database.
    /// Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddJarHardeningRedisReplayLedger(this IServiceCollection services, Action<RedisReplayLedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RedisReplayLedgerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisReplayLedgerOptions>, RedisReplayLedgerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisReplayLedger>();
        services.Replace(ServiceDescriptor.Singleton<IReplayLedger>(static sp => sp.GetRequiredService<RedisReplayLedger>()));
        return services;
    }
}
