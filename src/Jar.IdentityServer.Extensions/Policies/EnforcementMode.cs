namespace Jar.IdentityServer.Extensions;

/// <summary>What happens when a policy rule is violated.</summary>
public enum EnforcementMode
{
    /// <summary>The request is refused.</summary>
    Enforce,

    /// <summary>
    /// The violation is recorded (log, metric, decision record) and the request goes through, so a policy can be
    /// rolled out safely. Integrity rules (<see cref="JarRuleKind.Integrity"/>) are enforced in every mode.
    /// </summary>
    ReportOnly,
}
