using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>The effective policy of a client, built the one way the engine builds it.</summary>
public static class ClientPolicyCatalogExtensions
{
    /// <summary>The client's effective policy and, for each setting, whether it came from the profile or an override.</summary>
    public static async ValueTask<JarPolicyResolution> ResolveAsync(this IClientPolicyCatalog catalog, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var overrides = await catalog.FindOverridesAsync(clientId, cancellationToken).ConfigureAwait(false);
        return JarProfiles.Resolve(clientId, overrides, catalog.DefaultProfile);
    }
}
