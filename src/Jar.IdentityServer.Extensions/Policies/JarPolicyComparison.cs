using System.Globalization;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// Compares two effective policies setting by setting: which settings the second makes weaker than the first.
/// A profile may only be tightened by its client's overrides, but a stored policy replaced whole can drop a tightening
/// the old one had; this comparison is what makes such a change visible and deliberate.
/// </summary>
public static class JarPolicyComparison
{
    /// <summary>
    /// Every setting <paramref name="after"/> makes weaker than <paramref name="before"/>: a requirement turned off, an
    /// allow-list that gained a value, a scope ceiling removed or widened, a longer lifetime or clock skew, or
    /// <see cref="EnforcementMode.ReportOnly"/> where the policy enforced. <see cref="JarPolicy.OuterParameters"/> is
    /// neutral (both modes use only the request object's parameters).
    /// </summary>
    public static IReadOnlyList<JarPolicyLoosening> Loosenings(JarPolicy before, JarPolicy after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var found = new List<JarPolicyLoosening>();
        Requirement(found, nameof(JarPolicy.RequireRequestObject), before.RequireRequestObject, after.RequireRequestObject);
        Requirement(found, nameof(JarPolicy.RequirePushedAuthorizationRequests), before.RequirePushedAuthorizationRequests, after.RequirePushedAuthorizationRequests);
        Requirement(found, nameof(JarPolicy.RequirePkce), before.RequirePkce, after.RequirePkce);
        Requirement(found, nameof(JarPolicy.RequireRedirectUri), before.RequireRedirectUri, after.RequireRedirectUri);
        Requirement(found, nameof(JarPolicy.RequireNonceForOpenId), before.RequireNonceForOpenId, after.RequireNonceForOpenId);
        Requirement(found, nameof(JarPolicy.RequireScope), before.RequireScope, after.RequireScope);
        Ceiling(found, nameof(JarPolicy.AllowedScopes), before.AllowedScopes, after.AllowedScopes);
        Ceiling(found, nameof(JarPolicy.AllowedResponseTypes), before.AllowedResponseTypes, after.AllowedResponseTypes);
        Ceiling(found, nameof(JarPolicy.AllowedSigningAlgorithms), before.AllowedSigningAlgorithms, after.AllowedSigningAlgorithms);
        Duration(found, nameof(JarPolicy.MaxRequestObjectLifetime), before.MaxRequestObjectLifetime, after.MaxRequestObjectLifetime);
        Duration(found, nameof(JarPolicy.ClockSkew), before.ClockSkew, after.ClockSkew);
        Requirement(found, nameof(JarPolicy.RequireNotBefore), before.RequireNotBefore, after.RequireNotBefore);
        Requirement(found, nameof(JarPolicy.RequireIssuer), before.RequireIssuer, after.RequireIssuer);
        Requirement(found, nameof(JarPolicy.RequireJwtId), before.RequireJwtId, after.RequireJwtId);
        Requirement(found, nameof(JarPolicy.RequireEncryptedRequestObject), before.RequireEncryptedRequestObject, after.RequireEncryptedRequestObject);
        Ceiling(found, nameof(JarPolicy.AllowedEncryptionAlgorithms), before.AllowedEncryptionAlgorithms, after.AllowedEncryptionAlgorithms);
        if (before.Mode == EnforcementMode.Enforce && after.Mode == EnforcementMode.ReportOnly)
        {
            found.Add(new JarPolicyLoosening(nameof(JarPolicy.Mode), before.Mode.ToString(), after.Mode.ToString()));
        }

        return found;
    }

    /// <summary>A set as text, in ordinal order; <c>(none)</c> for no ceiling.</summary>
    public static string Describe(IReadOnlySet<string>? values) =>
        values is null ? "(none)" : "[" + string.Join(", ", values.Order(StringComparer.Ordinal)) + "]";

    private static void Requirement(List<JarPolicyLoosening> found, string setting, bool before, bool after)
    {
        if (before && !after)
        {
            found.Add(new JarPolicyLoosening(setting, "true", "false"));
        }
    }

    // A null ceiling means "no ceiling": removing one loosens, adding one tightens.
    private static void Ceiling(List<JarPolicyLoosening> found, string setting, IReadOnlySet<string>? before, IReadOnlySet<string>? after)
    {
        if (before is not null && (after is null || after.Any(value => !before.Contains(value))))
        {
            found.Add(new JarPolicyLoosening(setting, Describe(before), Describe(after)));
        }
    }

    private static void Duration(List<JarPolicyLoosening> found, string setting, TimeSpan before, TimeSpan after)
    {
        if (after > before)
        {
            found.Add(new JarPolicyLoosening(setting, before.ToString("c", CultureInfo.InvariantCulture), after.ToString("c", CultureInfo.InvariantCulture)));
        }
    }
}
