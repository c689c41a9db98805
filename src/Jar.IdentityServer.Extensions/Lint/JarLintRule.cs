namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>One lint rule of the catalogue: a stable id, its severity, what it looks at, the guidance behind it and the fix.</summary>
/// <param name="Id">The stable lint id (<c>JARL001</c>...), listed in docs/lint.md.</param>
/// <param name="Name">A short name in the guidance's words.</param>
/// <param name="Severity">The severity of every finding of this rule.</param>
/// <param name="Title">One line: what is wrong when the rule fires.</param>
/// <param name="Guidance">The specification or guidance the rule rests on, with its clause.</param>
/// <param name="Fix">What to change so the rule no longer fires.</param>
public sealed record JarLintRule(string Id, string Name, JarLintSeverity Severity, string Title, string Guidance, string Fix);
