namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>A client's effective policy as the policy store resolves it, with the overrides it was built from.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="Origin">Where the overrides came from.</param>
/// <param name="Overrides">The overrides applied: the stored row's, or the configured ones; null for <see cref="JarPolicyOrigin.Default"/>.</param>
/// <param name="Resolution">The effective policy, with the source of each setting.</param>
public sealed record JarStoredPolicy(string ClientId, JarPolicyOrigin Origin, JarPolicyOverrides? Overrides, JarPolicyResolution Resolution)
{
    /// <summary>The stored row's revision; null unless <see cref="Origin"/> is <see cref="JarPolicyOrigin.Database"/>.</summary>
    public int? Revision { get; init; }

    /// <summary>When the stored row was last written; null unless <see cref="Origin"/> is <see cref="JarPolicyOrigin.Database"/>.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
