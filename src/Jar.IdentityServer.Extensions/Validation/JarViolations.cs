namespace Jar.IdentityServer.Extensions;

/// <summary>Violations several stages answer with the same words.</summary>
internal static class JarViolations
{
    /// <summary>A store could not answer: fail closed (JAR901).</summary>
    public static readonly JarViolation StoreUnavailable = new(JarRules.StoreUnavailable, "The authorization server cannot decide right now; try again later.");
}
