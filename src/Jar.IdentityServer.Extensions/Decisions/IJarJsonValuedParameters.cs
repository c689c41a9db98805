namespace Jar.IdentityServer.Extensions;

/// <summary>
/// Implemented by <see cref="JarDecision.Parameters"/> when they come from a request object: which values are JSON
/// (a number, an object or an array, given as its JSON text) rather than a string. A host passes those on as JSON
/// (<c>max_age</c> as a number, <c>resource</c> as an array, <c>claims</c> as an object), never as a string holding
/// JSON text (RFC 9101 §4).
/// </summary>
public interface IJarJsonValuedParameters
{
    /// <summary>Whether the parameter's value is JSON text rather than a string.</summary>
    bool IsJson(string name);
}
