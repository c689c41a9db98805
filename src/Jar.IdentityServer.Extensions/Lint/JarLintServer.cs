namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>The server-wide settings the lint looks at: what discovery advertises and what the server enforces.</summary>
public sealed record JarLintServer
{
    /// <summary>The issuer identifier; null when the host derives it from each request.</summary>
    public Uri? Issuer { get; init; }

    /// <summary>The server has a pushed authorization request endpoint (RFC 9126).</summary>
    public bool HasPushedAuthorizationEndpoint { get; init; }

    /// <summary>The PKCE methods advertised (<c>code_challenge_methods_supported</c>).</summary>
    public IReadOnlySet<string> CodeChallengeMethods { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every algorithm list discovery advertises, by metadata name (<c>request_object_signing_alg_values_supported</c>...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AdvertisedAlgorithms { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The grant types advertised (<c>grant_types_supported</c>).</summary>
    public IReadOnlySet<string> GrantTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The response types advertised (<c>response_types_supported</c>), each normalized.</summary>
    public IReadOnlySet<string> ResponseTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Refresh token rotation: true when every use of a refresh token issues a new one and retires the old one,
    /// false when the host supports rotation but has it off, null when the host cannot rotate.
    /// </summary>
    public bool? RefreshTokenRotation { get; init; }

    /// <summary>How long an authorization code lives; null when unknown.</summary>
    public TimeSpan? AuthorizationCodeLifetime { get; init; }

    /// <summary>How long a PAR <c>request_uri</c> lives; null when unknown or without PAR.</summary>
    public TimeSpan? RequestUriLifetime { get; init; }
}
