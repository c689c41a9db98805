using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// The policies bound from configuration into <see cref="JarHardeningOptions"/>: the same values the engine's
/// configuration-bound policy store enforces. Read-only, like the configuration it comes from.
/// </summary>
internal sealed class ConfigurationClientPolicyCatalog(IOptions<JarHardeningOptions> options) : IClientPolicyCatalog
{
    public string DefaultProfile => options.Value.DefaultProfile;

    public ValueTask<JarPolicyOverrides?> FindOverridesAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.Clients.TryGetValue(clientId, out var overrides) ? overrides : null);
}
