namespace Jar.IdentityServer.Extensions;

/// <summary>
/// A client's settings on top of its profile. Every member is optional; a set member replaces the profile's value
/// and must be at least as strict as it. Binds from configuration.
/// </summary>
public sealed record JarPolicyOverrides
{
    /// <summary>The profile to start from (<see cref="JarProfiles"/>); the server's default profile when null.</summary>
    public string? Profile { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireRequestObject"/>.</summary>
    public bool? RequireRequestObject { get; init; }

    /// <summary>See <see cref="JarPolicy.RequirePushedAuthorizationRequests"/>.</summary>
    public bool? RequirePushedAuthorizationRequests { get; init; }

    /// <summary>See <see cref="JarPolicy.RequirePkce"/>.</summary>
    public bool? RequirePkce { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireRedirectUri"/>.</summary>
    public bool? RequireRedirectUri { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireNonceForOpenId"/>.</summary>
    public bool? RequireNonceForOpenId { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireScope"/>.</summary>
    public bool? RequireScope { get; init; }

    /// <summary>See <see cref="JarPolicy.AllowedScopes"/>.</summary>
    public IReadOnlyList<string>? AllowedScopes { get; init; }

    /// <summary>See <see cref="JarPolicy.AllowedResponseTypes"/>.</summary>
    public IReadOnlyList<string>? AllowedResponseTypes { get; init; }

    /// <summary>See <see cref="JarPolicy.AllowedSigningAlgorithms"/>.</summary>
    public IReadOnlyList<string>? AllowedSigningAlgorithms { get; init; }

    /// <summary>See <see cref="JarPolicy.MaxRequestObjectLifetime"/>.</summary>
    public TimeSpan? MaxRequestObjectLifetime { get; init; }

    /// <summary>See <see cref="JarPolicy.ClockSkew"/>.</summary>
    public TimeSpan? ClockSkew { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireNotBefore"/>.</summary>
    public bool? RequireNotBefore { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireIssuer"/>.</summary>
    public bool? RequireIssuer { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireJwtId"/>.</summary>
    public bool? RequireJwtId { get; init; }

    /// <summary>See <see cref="JarPolicy.RequireEncryptedRequestObject"/>.</summary>
    public bool? RequireEncryptedRequestObject { get; init; }

    /// <summary>See <see cref="JarPolicy.AllowedEncryptionAlgorithms"/>.</summary>
    public IReadOnlyList<string>? AllowedEncryptionAlgorithms { get; init; }

    /// <summary>See <see cref="JarPolicy.Mode"/>. Report-only is the one setting allowed to soften a profile, and only its policy rules.</summary>
    public EnforcementMode? Mode { get; init; }

    /// <summary>See <see cref="JarPolicy.OuterParameters"/>. Both values use only the object's parameters, so either is allowed.</summary>
    public OuterParameterHandling? OuterParameters { get; init; }
}
