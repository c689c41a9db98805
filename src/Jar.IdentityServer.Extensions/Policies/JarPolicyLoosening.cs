namespace Jar.IdentityServer.Extensions;

/// <summary>One setting a policy change made weaker, with its value before and after (as text).</summary>
/// <param name="Setting">The setting, named as in <see cref="JarPolicy"/>.</param>
/// <param name="Before">The value before the change.</param>
/// <param name="After">The value after the change.</param>
public sealed record JarPolicyLoosening(string Setting, string Before, string After);
