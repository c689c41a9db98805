namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>The thresholds of the lint. The defaults are the guidance each rule cites.</summary>
public sealed record JarLintOptions
{
    /// <summary>How long a policy may stay in <see cref="EnforcementMode.ReportOnly"/> before JARL032 warns: 30 days.</summary>
    public TimeSpan MaxReportOnlyAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How many scopes a confidential machine client may hold without an <c>AllowedScopes</c> ceiling (JARL033): 3.</summary>
    public int MaxScopesWithoutCeiling { get; init; } = 3;

    /// <summary>The longest request object lifetime (<c>exp - nbf</c>) the guidance accepts: 60 minutes (FAPI 1.0 Advanced §5.2.2-13, FAPI 2.0 Message Signing).</summary>
    public TimeSpan MaxRequestObjectLifetime { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The largest clock skew the guidance accepts: 60 seconds (FAPI 2.0 Security Profile: reject <c>nbf</c>/<c>iat</c> 60 s or more ahead).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest authorization code lifetime for a server with FAPI 2.0 clients: 60 seconds (FAPI 2.0 Security Profile §5.3.2.1).</summary>
    public TimeSpan MaxAuthorizationCodeLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest PAR <c>request_uri</c> lifetime for a server with FAPI 2.0 clients: 600 seconds (FAPI 2.0 Security Profile §5.3.2.2).</summary>
    public TimeSpan MaxRequestUriLifetime { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>How far back a loosening of a stored policy is reported (JARL036): 30 days.</summary>
    public TimeSpan RecentLooseningWindow { get; init; } = TimeSpan.FromDays(30);
}
