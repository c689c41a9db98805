namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The catalogue of every rule the engine enforces. Ids are stable: a rule may be added, never renumbered.
/// docs/rules.md lists the same table; a test keeps the two in step.
/// </summary>
public static class JarRules
{
    private const JarRuleKind I = JarRuleKind.Integrity;
    private const JarRuleKind P = JarRuleKind.Policy;

#pragma warning disable CS1591 // Each field is documented by its row in docs/rules.md.
    // JAR1xx: the request envelope.
    public static readonly JarRule RequestAndRequestUri = new("JAR101", "request-and-request-uri", JarErrors.InvalidRequest, I, "RFC 9101 §5");
    public static readonly JarRule ClientIdMissing = new("JAR102", "client-id-missing", JarErrors.InvalidRequest, I, "RFC 9101 §5; RFC 6749 §4.1.2.1");
    public static readonly JarRule ClientUnknown = new("JAR103", "client-unknown", JarErrors.InvalidRequest, I, "RFC 6749 §4.1.2.1");
    public static readonly JarRule RequestObjectTooLarge = new("JAR104", "request-object-too-large", JarErrors.InvalidRequestObject, I, "RFC 9101 §10.4.1");
    public static readonly JarRule RequestObjectMalformed = new("JAR105", "request-object-malformed", JarErrors.InvalidRequestObject, I, "RFC 7515 §5.2; RFC 7519 §7.2");
    public static readonly JarRule RequestUriNotPushed = new("JAR106", "request-uri-not-pushed", JarErrors.InvalidRequestUri, I, "RFC 9101 §10.4; RFC 9126 §4");
    public static readonly JarRule RequestObjectEncrypted = new("JAR107", "request-object-encryption-unsupported", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.1");
    public static readonly JarRule ParameterRepeated = new("JAR108", "parameter-repeated", JarErrors.InvalidRequest, I, "RFC 6749 §3.1");
    public static readonly JarRule RequestUriAtPar = new("JAR109", "request-uri-at-par", JarErrors.InvalidRequest, I, "RFC 9126 §2.1");
    public static readonly JarRule FormUnreadable = new("JAR110", "form-unreadable", JarErrors.InvalidRequest, I, "RFC 6749 §4.1.2.1, Appendix B; RFC 9126 §2.1");

    // JAR2xx: signature, key and algorithm.
    public static readonly JarRule AlgorithmNone = new("JAR201", "alg-none", JarErrors.InvalidRequestObject, I, "RFC 9101 §10.5; RFC 8725 §3.1");
    public static readonly JarRule AlgorithmNotAllowed = new("JAR202", "alg-not-allowed", JarErrors.InvalidRequestObject, I, "RFC 8725 §3.1; FAPI 1.0 Advanced §8.6; FAPI 2.0 Security Profile §5.4.1");
    public static readonly JarRule KeyIdUnknown = new("JAR203", "kid-unknown", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.2");
    public static readonly JarRule NoUsableKey = new("JAR204", "no-usable-key", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.2");
    public static readonly JarRule SignatureInvalid = new("JAR205", "signature-invalid", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.2");
    public static readonly JarRule TypeForeign = new("JAR206", "typ-foreign", JarErrors.InvalidRequestObject, I, "RFC 9101 §4, §10.8; RFC 8725 §3.11");
    public static readonly JarRule HeaderUnsupported = new("JAR207", "header-unsupported", JarErrors.InvalidRequestObject, I, "RFC 7515 §4.1.11");
    public static readonly JarRule EncryptionAlgorithmNotAllowed = new("JAR208", "jwe-alg-enc-not-allowed", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.1; FAPI 1.0 Advanced §8.6.1");
    public static readonly JarRule DecryptionFailed = new("JAR209", "jwe-decryption-failed", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.1");
    public static readonly JarRule EncryptedObjectNotSigned = new("JAR210", "jwe-inner-not-signed", JarErrors.InvalidRequestObject, I, "RFC 9101 §4, §10.2");

    // JAR3xx: time claims.
    public static readonly JarRule ExpiryMissing = new("JAR301", "exp-missing", JarErrors.InvalidRequestObject, I, "FAPI 1.0 Advanced §5.2.2-13; FAPI 2.0 Message Signing §5.3.1-4");
    public static readonly JarRule Expired = new("JAR302", "exp-expired", JarErrors.InvalidRequestObject, I, "RFC 7519 §4.1.4");
    public static readonly JarRule NotBeforeMissing = new("JAR303", "nbf-missing", JarErrors.InvalidRequestObject, I, "FAPI 1.0 Advanced §5.2.2-17; FAPI 2.0 Message Signing §5.3.1-3");
    public static readonly JarRule NotBeforeInFuture = new("JAR304", "nbf-in-future", JarErrors.InvalidRequestObject, I, "RFC 7519 §4.1.5; FAPI 2.0 Security Profile §5.3.2.1-13");
    public static readonly JarRule LifetimeTooLong = new("JAR305", "lifetime-too-long", JarErrors.InvalidRequestObject, I, "FAPI 1.0 Advanced §5.2.2-13");
    public static readonly JarRule NotBeforeTooOld = new("JAR306", "nbf-too-old", JarErrors.InvalidRequestObject, I, "FAPI 1.0 Advanced §5.2.2-17");
    public static readonly JarRule IssuedAtInvalid = new("JAR307", "iat-invalid", JarErrors.InvalidRequestObject, I, "RFC 7519 §4.1.6; FAPI 2.0 Security Profile §5.3.2.1-13");

    // JAR4xx: identity and structural claims.
    public static readonly JarRule IssuerInvalid = new("JAR401", "iss-invalid", JarErrors.InvalidRequestObject, I, "RFC 9101 §4; OpenID Connect Core §6.1");
    public static readonly JarRule AudienceInvalid = new("JAR402", "aud-invalid", JarErrors.InvalidRequestObject, I, "RFC 9101 §4; RFC 7519 §4.1.3");
    public static readonly JarRule ClientIdMismatch = new("JAR403", "client-id-mismatch", JarErrors.InvalidRequestObject, I, "RFC 9101 §6.3");
    public static readonly JarRule AuthenticatedClientMismatch = new("JAR404", "par-client-id-mismatch", JarErrors.InvalidRequestObject, I, "RFC 9126 §3");
    public static readonly JarRule JwtIdInvalid = new("JAR405", "jti-invalid", JarErrors.InvalidRequestObject, I, "RFC 7519 §4.1.7");
    public static readonly JarRule JwtIdReplayed = new("JAR406", "jti-replayed", JarErrors.InvalidRequestObject, I, "RFC 7519 §4.1.7; RFC 9101 §10.2");
    public static readonly JarRule NestedRequestClaim = new("JAR407", "nested-request-claim", JarErrors.InvalidRequestObject, I, "RFC 9101 §4");
    public static readonly JarRule ClaimValueInvalid = new("JAR408", "claim-value-invalid", JarErrors.InvalidRequestObject, I, "RFC 9101 §4");
    public static readonly JarRule SubjectIsClient = new("JAR409", "sub-is-client-id", JarErrors.InvalidRequestObject, I, "RFC 9101 §10.8; RFC 7523 §3");

    // JAR5xx: parameter assembly.
    public static readonly JarRule OuterParameterMismatch = new("JAR501", "outer-parameter-mismatch", JarErrors.InvalidRequest, P, "RFC 9101 §6.3; OpenID Connect Core §6.1");

    // JAR6xx: per-client policy on the assembled request.
    public static readonly JarRule RequestObjectRequired = new("JAR601", "request-object-required", JarErrors.InvalidRequest, P, "RFC 9101 §10.5; FAPI 1.0 Advanced §5.2.2-1; RFC 9126 §2.3");
    public static readonly JarRule PushedRequestRequired = new("JAR602", "par-required", JarErrors.InvalidRequest, P, "RFC 9126 §4; FAPI 2.0 Security Profile §5.3.2.2-3");
    public static readonly JarRule PkceMissing = new("JAR603", "pkce-missing", JarErrors.InvalidRequest, P, "RFC 7636 §4.4.1");
    public static readonly JarRule PkceMethodNotS256 = new("JAR604", "pkce-method-not-s256", JarErrors.InvalidRequest, P, "RFC 7636 §4.3; FAPI 2.0 Security Profile §5.3.2.2-5");
    public static readonly JarRule PkceChallengeMalformed = new("JAR605", "pkce-challenge-malformed", JarErrors.InvalidRequest, P, "RFC 7636 §4.2");
    public static readonly JarRule RedirectUriMissing = new("JAR606", "redirect-uri-missing", JarErrors.InvalidRequest, P, "FAPI 1.0 Baseline §5.2.2-9; FAPI 2.0 Security Profile §5.3.2.2-6");
    public static readonly JarRule RedirectUriUnregistered = new("JAR607", "redirect-uri-unregistered", JarErrors.InvalidRequest, P, "RFC 6749 §3.1.2.3; FAPI 1.0 Baseline §5.2.2-10");
    public static readonly JarRule ScopeBeyondCeiling = new("JAR608", "scope-beyond-ceiling", JarErrors.InvalidScope, P, "RFC 6749 §3.3, §4.1.2.1");
    public static readonly JarRule ResponseTypeNotAllowed = new("JAR609", "response-type-not-allowed", JarErrors.UnsupportedResponseType, P, "RFC 6749 §4.1.2.1; FAPI 2.0 Security Profile §5.3.2.2-1");
    public static readonly JarRule NonceMissing = new("JAR610", "nonce-missing", JarErrors.InvalidRequest, P, "FAPI 1.0 Baseline §5.2.2.2; OpenID Connect Core §3.3.2.11");
    public static readonly JarRule ResponseTypeMissing = new("JAR611", "response-type-missing", JarErrors.InvalidRequest, P, "RFC 6749 §4.1.1; RFC 9101 §6.3");
    public static readonly JarRule EncryptionRequired = new("JAR612", "encryption-required", JarErrors.InvalidRequestObject, P, "RFC 9101 §6.1; OpenID Connect Registration §2");
    public static readonly JarRule ScopeMissing = new("JAR613", "scope-missing", JarErrors.InvalidRequest, P, "RFC 6749 §3.3; RFC 9101 §6.3");

    // Checked by the host adapter against the host's own client registration (OpenIddict permissions), after the engine.
    public static readonly JarRule ScopeNotPermitted = new("JAR614", "scope-not-permitted", JarErrors.InvalidScope, I, "RFC 6749 §3.3, §4.1.2.1; RFC 9126 §2.1");
    public static readonly JarRule ResourceNotPermitted = new("JAR615", "resource-not-permitted", JarErrors.InvalidTarget, I, "RFC 8707 §2; RFC 9126 §2.1");
    public static readonly JarRule ClientNotPermitted = new("JAR616", "client-not-permitted", JarErrors.UnauthorizedClient, I, "RFC 6749 §4.1.2.1; RFC 9126 §2.1");

    // JAR7xx: the decision trail.
    public static readonly JarRule RequestUriUnknown = new("JAR701", "request-uri-unknown", JarErrors.InvalidRequestUri, I, "RFC 9126 §2.2, §7.3; RFC 9101 §7");
    public static readonly JarRule IntentNotCanonical = new("JAR702", "intent-not-canonical", JarErrors.InvalidRequestObject, I, "RFC 8785 §3.2.2.3; RFC 9101 §4");

    // JAR9xx: availability.
    public static readonly JarRule StoreUnavailable = new("JAR901", "store-unavailable", JarErrors.TemporarilyUnavailable, I, "RFC 6749 §4.1.2.1");
#pragma warning restore CS1591

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<JarRule> All { get; } =
    [
        RequestAndRequestUri, ClientIdMissing, ClientUnknown, RequestObjectTooLarge, RequestObjectMalformed,
        RequestUriNotPushed, RequestObjectEncrypted, ParameterRepeated, RequestUriAtPar, FormUnreadable,
        AlgorithmNone, AlgorithmNotAllowed, KeyIdUnknown, NoUsableKey, SignatureInvalid, TypeForeign, HeaderUnsupported,
        EncryptionAlgorithmNotAllowed, DecryptionFailed, EncryptedObjectNotSigned,
        ExpiryMissing, Expired, NotBeforeMissing, NotBeforeInFuture, LifetimeTooLong, NotBeforeTooOld, IssuedAtInvalid,
        IssuerInvalid, AudienceInvalid, ClientIdMismatch, AuthenticatedClientMismatch, JwtIdInvalid, JwtIdReplayed,
        NestedRequestClaim, ClaimValueInvalid, SubjectIsClient,
        OuterParameterMismatch,
        RequestObjectRequired, PushedRequestRequired, PkceMissing, PkceMethodNotS256, PkceChallengeMalformed,
        RedirectUriMissing, RedirectUriUnregistered, ScopeBeyondCeiling, ResponseTypeNotAllowed, NonceMissing, ResponseTypeMissing,
        EncryptionRequired, ScopeMissing, ScopeNotPermitted, ResourceNotPermitted, ClientNotPermitted,
        RequestUriUnknown, IntentNotCanonical,
        StoreUnavailable,
    ];
}
