namespace Jar.IdentityServer.Extensions;

/// <summary>One rule a request broke, with a description that is safe to show the client.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Description">What was wrong, without secrets or echoed input.</param>
public sealed record JarViolation(JarRule Rule, string Description);
