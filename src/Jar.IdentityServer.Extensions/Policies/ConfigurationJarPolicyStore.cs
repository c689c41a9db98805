using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// Policies bound from <see cref="JarHardeningOptions.Clients"/>, resolved once at start-up (an invalid one stops
/// the host through <see cref="JarHardeningOptionsValidator"/>).
/// </summary>
internal sealed class ConfigurationJarPolicyStore : IJarPolicyStore
{
    private readonly FrozenDictionary<string, JarPolicy> _policies;
    private readonly JarPolicy _default;

    public ConfigurationJarPolicyStore(IOptions<JarHardeningOptions> options)
    {
        var value = options.Value;
        _default = JarProfiles.Resolve("(default)", null, value.DefaultProfile).Policy;
        _policies = value.Clients.ToFrozenDictionary(
            static c => c.Key,
            c => JarProfiles.Resolve(c.Key, c.Value, value.DefaultProfile).Policy,
            StringComparer.Ordinal);
    }

    public ValueTask<JarPolicy> GetPolicyAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_policies.GetValueOrDefault(clientId, _default));
}
