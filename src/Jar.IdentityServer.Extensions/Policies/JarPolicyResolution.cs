namespace Jar.IdentityServer.Extensions;

/// <summary>A client's effective policy, with where each setting's value came from.</summary>
/// <param name="Policy">The effective policy.</param>
/// <param name="Sources">For each setting name, <c>profile:&lt;name&gt;</c> or <c>override</c>.</param>
public sealed record JarPolicyResolution(JarPolicy Policy, IReadOnlyDictionary<string, string> Sources);
