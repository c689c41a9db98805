using System.Reflection;
using System.Text.RegularExpressions;
using Jar.IdentityServer.Extensions.Lint;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Jar.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

/// <summary>docs/lint.md, <see cref="JarLintRules.All"/> and the linter's checks list the same rules, in the same order.</summary>
public sealed partial class LintCatalogueTests
{
    private const string Heading = "| Lint id | Name | Severity | What is wrong | Guidance | Fix |";

    [Fact]
    public void Documented_lint_rules_equal_the_catalogue_exactly()
    {
        var documented = RepositoryFiles.TableRows(Heading, "docs", "lint.md");

        var catalogued = JarLintRules.All.Select(r => new[] { r.Id, r.Name, JarLintText.Level(r.Severity), r.Title, r.Guidance, r.Fix }).ToList();

        documented.Count.ShouldBe(catalogued.Count);
        for (var i = 0; i < catalogued.Count; i++)
        {
            documented[i].ShouldBe(catalogued[i], $"row {i + 1} of the table in docs/lint.md");
        }
    }

    [Fact]
    public void Every_catalogued_rule_has_exactly_one_check_in_catalogue_order() =>
        JarLinter.CheckedRules.ShouldBe(JarLintRules.All);

    [Fact]
    public void Lint_ids_and_names_are_unique_well_formed_and_ascending()
    {
        JarLintRules.All.Select(r => r.Id).ShouldBeUnique();
        JarLintRules.All.Select(r => r.Name).ShouldBeUnique();
        JarLintRules.All.ShouldAllBe(r => LintId().IsMatch(r.Id));
        JarLintRules.All.Select(r => r.Id).ShouldBe(JarLintRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_lint_rule_field_is_in_the_catalogue_once()
    {
        var fields = typeof(JarLintRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(JarLintRule))
            .Select(f => (JarLintRule)f.GetValue(null)!)
            .ToList();

        fields.Count.ShouldBe(JarLintRules.All.Count);
        fields.ShouldAllBe(rule => JarLintRules.All.Count(r => ReferenceEquals(r, rule)) == 1);
    }

    [Fact]
    public void Every_lint_rule_names_its_guidance_and_its_fix() =>
        JarLintRules.All.ShouldAllBe(r => r.Guidance.Length > 0 && r.Fix.Length > 0 && r.Title.EndsWith('.'));

    [GeneratedRegex(@"^JARL[0-9]{3}$")]
    private static partial Regex LintId();
}
