namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The effective rules for one client: a built-in profile, tightened by the client's overrides. Immutable.
/// Built by <see cref="JarProfiles.Resolve"/>, which refuses an override that loosens its profile.
/// </summary>
public sealed record JarPolicy
{
    private static readonly IReadOnlySet<string> DefaultEncryptionAlgorithms =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal, "RSA-OAEP-256", "ECDH-ES");

    /// <summary>The profile this policy was built from.</summary>
    public required string Profile { get; init; }

    /// <summary>Every authorization request must carry a signed request object, by value or through PAR.</summary>
    public bool RequireRequestObject { get; init; }

    /// <summary>Authorization requests must come through the PAR endpoint (RFC 9126 §4).</summary>
    public bool RequirePushedAuthorizationRequests { get; init; }

    /// <summary>PKCE is required. Whether required or not, only <c>S256</c> is ever accepted.</summary>
    public bool RequirePkce { get; init; }

    /// <summary><c>redirect_uri</c> must be sent (and is always compared by ordinal equality to a registered one).</summary>
    public bool RequireRedirectUri { get; init; }

    /// <summary><c>nonce</c> is required when <c>openid</c> is requested (FAPI 1.0 Baseline §5.2.2.2).</summary>
    public bool RequireNonceForOpenId { get; init; }

    /// <summary>
    /// The request must name at least one scope. Strict: a scope sent only outside a request object does not count
    /// (RFC 9101 §6.3), and a request left without one is refused rather than granted a default (RFC 6749 §3.3).
    /// </summary>
    public bool RequireScope { get; init; }

    /// <summary>The scope ceiling; null means the client's registration alone decides. A request beyond it is refused, never trimmed.</summary>
    public IReadOnlySet<string>? AllowedScopes { get; init; }

    /// <summary>Allowed response types, each normalized (space-separated values in ordinal order).</summary>
    public required IReadOnlySet<string> AllowedResponseTypes { get; init; }

    /// <summary>Allowed JWS algorithms for request objects. <c>none</c> is never allowed.</summary>
    public required IReadOnlySet<string> AllowedSigningAlgorithms { get; init; }

    /// <summary>The longest <c>exp - nbf</c> accepted (FAPI 1.0 Advanced §5.2.2-13: 60 minutes).</summary>
    public TimeSpan MaxRequestObjectLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Tolerated clock difference for <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A request object must carry <c>nbf</c>.</summary>
    public bool RequireNotBefore { get; init; }

    /// <summary>A request object must carry <c>iss</c> (whenever present it must equal the client_id).</summary>
    public bool RequireIssuer { get; init; }

    /// <summary>A request object must carry <c>jti</c> (whenever present it is single-use).</summary>
    public bool RequireJwtId { get; init; }

    /// <summary>
    /// Request objects must be encrypted to the server (a nested JWE, RFC 9101 §6.1); a signed-only object is refused.
    /// </summary>
    public bool RequireEncryptedRequestObject { get; init; }

    /// <summary>
    /// Allowed JWE key management algorithms for encrypted request objects: RSA-OAEP-256 and ECDH-ES by default;
    /// RSA1_5 is never offered (FAPI 1.0 Advanced §8.6.1). Content encryption is always A256GCM.
    /// </summary>
    public IReadOnlySet<string> AllowedEncryptionAlgorithms { get; init; } = DefaultEncryptionAlgorithms;

    /// <summary>Enforce, or report only.</summary>
    public EnforcementMode Mode { get; init; }

    /// <summary>What happens to parameters sent outside the request object.</summary>
    public OuterParameterHandling OuterParameters { get; init; }
}
