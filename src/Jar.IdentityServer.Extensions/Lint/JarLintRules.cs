namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>
/// The catalogue of every lint rule. Ids are stable: a rule may be added with a new id, never renumbered, and an id is
/// never given to another check. docs/lint.md lists the same table; a test keeps the two in step.
/// </summary>
public static class JarLintRules
{
    private const JarLintSeverity E = JarLintSeverity.Error;
    private const JarLintSeverity W = JarLintSeverity.Warning;
    private const JarLintSeverity N = JarLintSeverity.Note;

#pragma warning disable CS1591 // Each field is documented by its row in docs/lint.md.
    // JARL00x: redirect URIs.
    public static readonly JarLintRule RedirectUriPlainHttp = new("JARL001", "redirect-uri-plain-http", E,
        "A redirect URI uses plain http on a host that is not a loopback address.",
        "RFC 6749 §3.1.2.1; RFC 8252 §7.3; RFC 9700 §4.1",
        "Register an https redirect URI; plain http is for loopback redirects of native apps only.");

    public static readonly JarLintRule RedirectUriPattern = new("JARL002", "redirect-uri-pattern", E,
        "A redirect URI holds a wildcard or a pattern instead of one exact URI.",
        "RFC 9700 §2.1, §4.1; RFC 6749 §3.1.2.2",
        "Register every redirect URI in full; the server compares them by exact string match.");

    public static readonly JarLintRule RedirectUriFragment = new("JARL003", "redirect-uri-fragment", E,
        "A redirect URI has a fragment component.",
        "RFC 6749 §3.1.2",
        "Remove the fragment (#...) from the redirect URI.");

    public static readonly JarLintRule RedirectUriQuery = new("JARL004", "redirect-uri-query", W,
        "A redirect URI carries a query string.",
        "RFC 6749 §3.1.2; RFC 9700 §4.1",
        "Register the redirect URI without a query; carry per-request state in state or inside the request object.");

    public static readonly JarLintRule RedirectUriLocalhostName = new("JARL005", "redirect-uri-localhost-name", W,
        "A native app's loopback redirect URI names localhost instead of a loopback IP literal.",
        "RFC 8252 §8.3, §7.3",
        "Use http://127.0.0.1:<port>/... or http://[::1]:<port>/...; localhost can resolve to another interface.");

    public static readonly JarLintRule RedirectUriSeveralHosts = new("JARL006", "redirect-uri-several-hosts", N,
        "The client's redirect URIs point at more than one host.",
        "RFC 9700 §4.1 (interpretation: each extra host is one more place a code can be sent)",
        "Keep one client per host, or confirm that every host belongs to the same client.");

    // JARL01x: keys.
    public static readonly JarLintRule KeyRsaTooShort = new("JARL010", "key-rsa-too-short", E,
        "A registered RSA key has fewer than 2048 bits.",
        "RFC 7518 §3.3, §3.5; FAPI 2.0 Security Profile §5.4.1",
        "Register an RSA key of 2048 bits or more, or an EC P-256 key.");

    public static readonly JarLintRule KeyIdMissing = new("JARL011", "key-id-missing", W,
        "A registered key has no kid.",
        "RFC 7517 §4.5; RFC 7515 §4.1.4",
        "Give every registered key a kid, and sign with that kid in the JWS header.");

    public static readonly JarLintRule KeyIdDuplicate = new("JARL012", "key-id-duplicate", E,
        "Two registered keys share a kid.",
        "RFC 7517 §4.5",
        "Give each key its own kid; a kid must name exactly one key.");

    public static readonly JarLintRule KeyPrivateMaterial = new("JARL013", "key-private-material", E,
        "A registered key set holds private key material.",
        "RFC 7591 §2 (jwks); RFC 7518 §6.2.2, §6.3.2",
        "Register the public halves only (drop d, p, q, dp, dq, qi) and replace the exposed key.");

    public static readonly JarLintRule KeySymmetric = new("JARL014", "key-symmetric", E,
        "A registered key is symmetric (kty oct) where request objects or client assertions must be signed.",
        "RFC 7591 §2 (jwks); RFC 9101 §10.2; FAPI 2.0 Security Profile §5.4.1",
        "Register an asymmetric key (RSA or EC); a shared key lets the server forge the client's signatures.");

    public static readonly JarLintRule KeySigningAndEncryption = new("JARL015", "key-signing-and-encryption", W,
        "One key is registered for both signing and encryption.",
        "RFC 7517 §4.2, §4.3; NIST SP 800-57 Part 1 Rev. 5 §5.2",
        "Register separate keys with use sig and use enc.");

    public static readonly JarLintRule KeyCertificateExpired = new("JARL016", "key-certificate-expired", E,
        "A registered key's certificate (x5c) has expired.",
        "RFC 7517 §4.7; RFC 5280 §4.1.2.5",
        "Register the key with a current certificate, or without x5c.");

    // JARL02x: grants and response types.
    public static readonly JarLintRule ImplicitGrant = new("JARL020", "implicit-grant", E,
        "The client may use the implicit grant, but its policy allows only code.",
        "RFC 9700 §2.1.2",
        "Remove the implicit grant and the token/id_token response types from the registration.");

    public static readonly JarLintRule HybridResponseType = new("JARL021", "hybrid-response-type", E,
        "The client may use a hybrid response type its policy does not allow.",
        "RFC 9700 §2.1.2; FAPI 2.0 Security Profile §5.3.2.2",
        "Remove the hybrid response types from the registration, or move the client to a profile that allows them.");

    public static readonly JarLintRule PasswordGrant = new("JARL022", "password-grant", E,
        "The client may use the resource owner password credentials grant.",
        "RFC 9700 §2.4",
        "Remove the password grant; use the authorization code flow.");

    public static readonly JarLintRule RefreshTokenWithoutRotation = new("JARL023", "refresh-token-without-rotation", W,
        "The client may use refresh tokens, and the server can rotate them but does not.",
        "RFC 9700 §2.2.2, §4.14.2",
        "Turn refresh token rotation on (OpenIddict: do not call DisableRollingRefreshTokens).");

    // JARL03x: policy.
    public static readonly JarLintRule RequestObjectWithoutKey = new("JARL030", "request-object-without-key", E,
        "The policy requires a signed request object, but the client has no key that can verify one.",
        "RFC 9101 §6.2; RFC 7591 §2",
        "Register the client's public signing key (RSA 2048+ or EC P-256) with a kid, for an algorithm its policy allows.");

    public static readonly JarLintRule ParRequiredWithoutEndpoint = new("JARL031", "par-required-without-endpoint", E,
        "The policy requires pushed authorization requests, but the server has no PAR endpoint.",
        "RFC 9126 §2, §5",
        "Enable the PAR endpoint (OpenIddict: SetPushedAuthorizationEndpointUris), or relax the client's policy deliberately.");

    public static readonly JarLintRule ReportOnlyTooLong = new("JARL032", "report-only-too-long", W,
        "The policy has been in ReportOnly mode longer than the rollout window.",
        "Interpretation: report-only is a rollout state; NIST CSF 2.0 PR.AA-05 asks for permissions that are enforced",
        "Review the client's ReportOnly decisions and set Mode to Enforce.");

    public static readonly JarLintRule ScopeCeilingMissing = new("JARL033", "scope-ceiling-missing", W,
        "A confidential machine client holds many scopes and its policy sets no AllowedScopes ceiling.",
        "RFC 9700 §2.3; OWASP NHI5:2025 Overprivileged NHI",
        "Set AllowedScopes in the client's policy to the scopes it needs.");

    public static readonly JarLintRule LifetimeBeyondGuidance = new("JARL034", "lifetime-beyond-guidance", W,
        "A request object lifetime or clock skew is longer than the profile guidance.",
        "FAPI 1.0 Advanced §5.2.2-13; FAPI 2.0 Security Profile §5.3.2.1",
        "Shorten MaxRequestObjectLifetime (60 minutes at most) or ClockSkew (under 60 seconds).");

    public static readonly JarLintRule JwtIdNotRequired = new("JARL035", "jwt-id-not-required", N,
        "The client authenticates with private_key_jwt, but its policy does not require jti in request objects.",
        "RFC 7523 §3 item 7 (interpretation: the key that signs single-use assertions signs request objects too)",
        "Set RequireJwtId to true in the client's policy.");

    public static readonly JarLintRule RecentLoosening = new("JARL036", "recent-loosening", W,
        "The client's stored policy was loosened recently.",
        "NIST CSF 2.0 PR.AA-05 (permissions reviewed); NIST SP 800-53 Rev. 5 CM-3 (interpretation)",
        "Confirm the loosening and its reason; tighten the policy again when it is no longer needed.");

    public static readonly JarLintRule ServerLifetimeBeyondGuidance = new("JARL037", "server-lifetime-beyond-guidance", W,
        "An authorization code or PAR request_uri lives longer than FAPI 2.0 allows, and a FAPI 2.0 client is registered.",
        "FAPI 2.0 Security Profile §5.3.2.1, §5.3.2.2",
        "Shorten the authorization code lifetime to 60 seconds and the request_uri lifetime to under 600 seconds.");

    // JARL04x: server.
    public static readonly JarLintRule IssuerPlainHttp = new("JARL040", "issuer-plain-http", E,
        "The issuer identifier uses plain http on a host that is not a loopback address.",
        "RFC 8414 §2",
        "Serve the issuer over https.");

    public static readonly JarLintRule PkcePlainAdvertised = new("JARL041", "pkce-plain-advertised", E,
        "Discovery advertises the plain PKCE method.",
        "RFC 9700 §2.1.1; RFC 7636 §4.2",
        "Advertise S256 only (AddJarHardening removes plain).");

    public static readonly JarLintRule AlgorithmNoneAdvertised = new("JARL042", "algorithm-none-advertised", E,
        "Discovery advertises none in an algorithm list.",
        "RFC 8725 §3.1, §3.2; RFC 9101 §10.5",
        "Remove none from every advertised algorithm list.");

    public static readonly JarLintRule GrantTypeUnused = new("JARL043", "grant-type-unused", W,
        "Discovery advertises a grant type no registered client may use.",
        "RFC 8414 §2 (interpretation: an advertised grant no one uses is attack surface only)",
        "Stop advertising the grant type (OpenIddict: remove its Allow...Flow call).");

    public static readonly JarLintRule ResponseTypeUnused = new("JARL044", "response-type-unused", W,
        "Discovery advertises a response type no registered client may use.",
        "RFC 8414 §2 (interpretation: an advertised response type no one uses is attack surface only)",
        "Stop advertising the response type (OpenIddict: remove the flow that brings it, e.g. AllowHybridFlow).");
#pragma warning restore CS1591

    /// <summary>Every lint rule, in id order.</summary>
    public static IReadOnlyList<JarLintRule> All { get; } =
    [
        RedirectUriPlainHttp, RedirectUriPattern, RedirectUriFragment, RedirectUriQuery, RedirectUriLocalhostName, RedirectUriSeveralHosts,
        KeyRsaTooShort, KeyIdMissing, KeyIdDuplicate, KeyPrivateMaterial, KeySymmetric, KeySigningAndEncryption, KeyCertificateExpired,
        ImplicitGrant, HybridResponseType, PasswordGrant, RefreshTokenWithoutRotation,
        RequestObjectWithoutKey, ParRequiredWithoutEndpoint, ReportOnlyTooLong, ScopeCeilingMissing, LifetimeBeyondGuidance,
        JwtIdNotRequired, RecentLoosening, ServerLifetimeBeyondGuidance,
        IssuerPlainHttp, PkcePlainAdvertised, AlgorithmNoneAdvertised, GrantTypeUnused, ResponseTypeUnused,
    ];
}
