using Jar.IdentityServer.Extensions.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the host-neutral engine. Host adapters call this; applications call their host's <c>AddJarHardening()</c>.</summary>
public static class JarServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine with its single-instance defaults (configuration-bound policies, in-memory replay ledger).
    /// Stores registered before or after replace them. Options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddJarEngine(this IServiceCollection services, Action<Jar.IdentityServer.Extensions.JarHardeningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<Jar.IdentityServer.Extensions.JarHardeningOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Jar.IdentityServer.Extensions.JarHardeningOptions>, Jar.IdentityServer.Extensions.JarHardeningOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Jar.IdentityServer.Extensions.IJarPolicyStore, Jar.IdentityServer.Extensions.ConfigurationJarPolicyStore>();
        services.TryAddSingleton<Jar.IdentityServer.Extensions.IReplayLedger, Jar.IdentityServer.Extensions.InMemoryReplayLedger>();
        services.TryAddSingleton<JarTelemetry>();
        services.TryAddSingleton(static sp => Jar.IdentityServer.Extensions.RequestObjects.DecryptionKeyRing.Create(
            sp.GetRequiredService<IOptions<Jar.IdentityServer.Extensions.JarHardeningOptions>>().Value.RequestObjectDecryptionKeys));
        services.TryAddScoped<Jar.IdentityServer.Extensions.IJarRequestValidator, Jar.IdentityServer.Extensions.JarRequestValidator>();
        services.TryAddSingleton<Jar.IdentityServer.Extensions.IJarTrail, Jar.IdentityServer.Extensions.SinkTrail>();
        return services;
    }
}
