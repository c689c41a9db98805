using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Compliance;

/// <summary>
/// The controls of a client's JAR policy and what each maps to. Ids and titles are the frameworks' own: OWASP Top 10
/// Non-Human Identities Risks 2025, NIST CSF 2.0 (with the CSF 1.1 id documents still cite), NIST SP 800-207 §2.1
/// tenets, NIST SP 800-53 Rev. 5 controls, and the FAPI 2.0 Security Profile / Message Signing. A mapping marked as
/// an interpretation is this project's reading, not the framework's statement (docs/compliance.md).
/// </summary>
internal static class ComplianceControls
{
    private const string Owasp = "OWASP NHI Top 10 (2025)";
    private const string Csf2 = "NIST CSF 2.0";
    private const string Csf11 = "NIST CSF 1.1";
    private const string Zta = "NIST SP 800-207";
    private const string Sp80053 = "NIST SP 800-53 Rev. 5";
    private const string Fapi2 = "FAPI 2.0";

    private static readonly FrameworkReference InsecureAuthentication = new(Owasp, "NHI4:2025", "Insecure Authentication", true);
    private static readonly FrameworkReference Overprivileged = new(Owasp, "NHI5:2025", "Overprivileged NHI", false);
    private static readonly FrameworkReference AccessPermissions = new(Csf2, "PR.AA-05", "Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties", false);
    private static readonly FrameworkReference AccessPermissions11 = new(Csf11, "PR.AC-4", "Access permissions and authorizations are managed, incorporating the principles of least privilege and separation of duties", false);
    private static readonly FrameworkReference IdentityAssertions = new(Csf2, "PR.AA-04", "Identity assertions are protected, conveyed, and verified", true);
    private static readonly FrameworkReference Authenticated = new(Csf2, "PR.AA-03", "Users, services, and hardware are authenticated", true);
    private static readonly FrameworkReference SecuredCommunication = new(Zta, "Tenet 2", "All communication is secured regardless of network location", true);
    private static readonly FrameworkReference DynamicPolicy = new(Zta, "Tenet 4", "Access to resources is determined by dynamic policy", true);
    private static readonly FrameworkReference StrictlyEnforced = new(Zta, "Tenet 6", "All resource authentication and authorization are dynamic and strictly enforced before access is allowed", false);
    private static readonly FrameworkReference TransmissionIntegrity = new(Sp80053, "SC-8", "Transmission Confidentiality and Integrity", true);
    private static readonly FrameworkReference LeastPrivilege = new(Sp80053, "AC-6", "Least Privilege", false);

    public static IReadOnlyList<ComplianceControl> All { get; } =
    [
        new("request-object", "Signed request object required", nameof(JarPolicy.RequireRequestObject), static p => p.RequireRequestObject,
            [new(Fapi2, "Message Signing §5.3", "Signed authorization requests", false), TransmissionIntegrity, IdentityAssertions, SecuredCommunication]),
        new("par", "Pushed authorization requests required", nameof(JarPolicy.RequirePushedAuthorizationRequests), static p => p.RequirePushedAuthorizationRequests,
            [new(Fapi2, "Security Profile §5.3.2.2", "Authorization server: pushed authorization requests", false), TransmissionIntegrity]),
        new("pkce-s256", "PKCE with S256 required", nameof(JarPolicy.RequirePkce), static p => p.RequirePkce,
            [new(Fapi2, "Security Profile §5.3.2.2", "Authorization server: PKCE with S256", false), InsecureAuthentication, Authenticated]),
        new("exact-redirect-uris", "Redirect URI required, matched exactly", nameof(JarPolicy.RequireRedirectUri), static p => p.RequireRedirectUri,
            [new(Fapi2, "Security Profile §5.3.2.2", "Authorization server: redirect_uri required", true), SecuredCommunication]),
        new("scope-ceiling", "Scope ceiling (least privilege)", nameof(JarPolicy.AllowedScopes), static p => p.AllowedScopes is not null,
            [Overprivileged, AccessPermissions, AccessPermissions11, LeastPrivilege, DynamicPolicy]),
        new("algorithm-pins", "Signing algorithms pinned to PS256/ES256", nameof(JarPolicy.AllowedSigningAlgorithms), static p => p.AllowedSigningAlgorithms.All(a => a is "PS256" or "ES256"),
            [new(Fapi2, "Security Profile §5.4.1", "Cryptography and secrets: algorithms", false), InsecureAuthentication, TransmissionIntegrity]),
        new("replay-protection", "Single-use request objects (jti required)", nameof(JarPolicy.RequireJwtId), static p => p.RequireJwtId,
            [TransmissionIntegrity, StrictlyEnforced with { Interpretation = true }]),
        new("encryption", "Encrypted request objects required", nameof(JarPolicy.RequireEncryptedRequestObject), static p => p.RequireEncryptedRequestObject,
            [TransmissionIntegrity with { Interpretation = false }, new(Sp80053, "SC-8(1)", "Cryptographic Protection", false), SecuredCommunication]),
        new("enforced", "Policy enforced (not report-only)", nameof(JarPolicy.Mode), static p => p.Mode == EnforcementMode.Enforce,
            [StrictlyEnforced, AccessPermissions, AccessPermissions11]),
    ];

    /// <summary>The decision trail (every decision in <c>JarDecisionRecords</c>): a server-wide control.</summary>
    public static IReadOnlyList<FrameworkReference> DecisionTrail { get; } =
    [
        new(Csf2, "PR.PS-04", "Log records are generated and made available for continuous monitoring", false),
        new(Sp80053, "AU-2", "Event Logging", false),
        new(Sp80053, "AU-12", "Audit Record Generation", false),
        new(Zta, "Tenet 7", "The enterprise collects as much information as possible about the current state of assets, network infrastructure and communications and uses it to improve its security posture", true),
    ];
}
