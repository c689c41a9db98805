namespace Jar.IdentityServer.Extensions;

/// <summary>How a rule's violation is treated under a report-only policy.</summary>
public enum JarRuleKind
{
    /// <summary>
    /// The request or its object cannot be trusted (syntax, signature, key, claims, replay, availability).
    /// Always refused, whatever the enforcement mode: using unverified parameters is the attack itself.
    /// </summary>
    Integrity,

    /// <summary>A per-client policy rule on the assembled request. Report-only records it and lets the request through.</summary>
    Policy,
}
