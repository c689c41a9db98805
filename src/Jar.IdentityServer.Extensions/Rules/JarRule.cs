namespace Jar.IdentityServer.Extensions;

/// <summary>One rule of the catalogue: a stable id, the OAuth error it answers with and the clause behind it.</summary>
/// <param name="Id">The stable rule id (for example <c>JAR201</c>), listed in docs/rules.md.</param>
/// <param name="Name">A short name in the spec's words.</param>
/// <param name="Error">The OAuth error code.</param>
/// <param name="Kind">Whether report-only may let a violation through.</param>
/// <param name="Spec">The spec clause the rule enforces.</param>
public sealed record JarRule(string Id, string Name, string Error, JarRuleKind Kind, string Spec);
