using Jar.IdentityServer.Extensions.Lint.Checks;

namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>
/// Lints client registrations, their JAR policies and the server settings around them. Pure: everything it looks at
/// is in the <see cref="JarLintInput"/>, read by the host's adapter, and the same input always gives the same report.
/// </summary>
public static class JarLinter
{
    // One check per rule, in the catalogue's order (a test holds the two lists to each other).
    private static readonly (JarLintRule Rule, IJarLintCheck Check)[] Checks =
    [
        (JarLintRules.RedirectUriPlainHttp, new RedirectUriPlainHttpCheck()),
        (JarLintRules.RedirectUriPattern, new RedirectUriPatternCheck()),
        (JarLintRules.RedirectUriFragment, new RedirectUriFragmentCheck()),
        (JarLintRules.RedirectUriQuery, new RedirectUriQueryCheck()),
        (JarLintRules.RedirectUriLocalhostName, new RedirectUriLocalhostNameCheck()),
        (JarLintRules.RedirectUriSeveralHosts, new RedirectUriSeveralHostsCheck()),
        (JarLintRules.KeyRsaTooShort, new KeyRsaTooShortCheck()),
        (JarLintRules.KeyIdMissing, new KeyIdMissingCheck()),
        (JarLintRules.KeyIdDuplicate, new KeyIdDuplicateCheck()),
        (JarLintRules.KeyPrivateMaterial, new KeyPrivateMaterialCheck()),
        (JarLintRules.KeySymmetric, new KeySymmetricCheck()),
        (JarLintRules.KeySigningAndEncryption, new KeySigningAndEncryptionCheck()),
        (JarLintRules.KeyCertificateExpired, new KeyCertificateExpiredCheck()),
        (JarLintRules.ImplicitGrant, new ImplicitGrantCheck()),
        (JarLintRules.HybridResponseType, new HybridResponseTypeCheck()),
        (JarLintRules.PasswordGrant, new PasswordGrantCheck()),
        (JarLintRules.RefreshTokenWithoutRotation, new RefreshTokenWithoutRotationCheck()),
        (JarLintRules.RequestObjectWithoutKey, new RequestObjectWithoutKeyCheck()),
        (JarLintRules.ParRequiredWithoutEndpoint, new ParRequiredWithoutEndpointCheck()),
        (JarLintRules.ReportOnlyTooLong, new ReportOnlyTooLongCheck()),
        (JarLintRules.ScopeCeilingMissing, new ScopeCeilingMissingCheck()),
        (JarLintRules.LifetimeBeyondGuidance, new LifetimeBeyondGuidanceCheck()),
        (JarLintRules.JwtIdNotRequired, new JwtIdNotRequiredCheck()),
        (JarLintRules.RecentLoosening, new RecentLooseningCheck()),
        (JarLintRules.ServerLifetimeBeyondGuidance, new ServerLifetimeBeyondGuidanceCheck()),
        (JarLintRules.IssuerPlainHttp, new IssuerPlainHttpCheck()),
        (JarLintRules.PkcePlainAdvertised, new PkcePlainAdvertisedCheck()),
        (JarLintRules.AlgorithmNoneAdvertised, new AlgorithmNoneAdvertisedCheck()),
        (JarLintRules.GrantTypeUnused, new GrantTypeUnusedCheck()),
        (JarLintRules.ResponseTypeUnused, new ResponseTypeUnusedCheck()),
    ];

    /// <summary>The rules that have a check, in order (the catalogue test compares it with <see cref="JarLintRules.All"/>).</summary>
    internal static IEnumerable<JarLintRule> CheckedRules => Checks.Select(c => c.Rule);

    /// <summary>Runs every check over the input.</summary>
    public static JarLintReport Run(JarLintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<JarLintFinding>();
        foreach (var (_, check) in Checks)
        {
            check.Check(input, findings);
        }

        return new JarLintReport(findings, input.Clients.Count);
    }
}
