namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>
/// How much a finding matters. The names follow SARIF 2.1.0 §3.27.10 (<c>level</c>): <c>error</c>, <c>warning</c>,
/// <c>note</c>, so a finding maps onto a SARIF result without translation.
/// </summary>
public enum JarLintSeverity
{
    /// <summary>The registration or the server is unsafe as it stands: a deployment gate fails on it.</summary>
    Error,

    /// <summary>Weaker than the guidance it rests on; worth fixing, but not a gate.</summary>
    Warning,

    /// <summary>Worth knowing (an interpretation of the guidance, or a state that should not last).</summary>
    Note,
}
