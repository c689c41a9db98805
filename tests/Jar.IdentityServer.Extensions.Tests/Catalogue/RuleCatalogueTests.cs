using System.Reflection;
using System.Text.RegularExpressions;
using Jar.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Catalogue;

/// <summary>docs/rules.md and <see cref="JarRules.All"/> list the same rules, in the same order.</summary>
public sealed partial class RuleCatalogueTests
{
    private const string Heading = "| Rule id | Name | Error | Kind | Spec |";

    [Fact]
    public void Documented_rules_equal_the_catalogue_exactly()
    {
        var documented = RepositoryFiles.TableRows(Heading, "docs", "rules.md");

        var catalogued = JarRules.All.Select(r => new[] { r.Id, r.Name, r.Error, r.Kind.ToString(), r.Spec }).ToList();

        documented.Count.ShouldBe(catalogued.Count);
        for (var i = 0; i < catalogued.Count; i++)
        {
            documented[i].ShouldBe(catalogued[i], $"row {i + 1} of the table in docs/rules.md");
        }
    }

    [Fact]
    public void Rule_ids_and_names_are_unique()
    {
        JarRules.All.Select(r => r.Id).ShouldBeUnique();
        JarRules.All.Select(r => r.Name).ShouldBeUnique();
    }

    [Fact]
    public void Rule_ids_are_well_formed_and_in_ascending_order()
    {
        JarRules.All.ShouldAllBe(r => RuleId().IsMatch(r.Id));
        JarRules.All.Select(r => r.Id).ShouldBe(JarRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_rule_field_is_in_the_catalogue_once()
    {
        var fields = typeof(JarRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(JarRule))
            .Select(f => (JarRule)f.GetValue(null)!)
            .ToList();

        fields.Count.ShouldBe(JarRules.All.Count);
        fields.ShouldAllBe(rule => JarRules.All.Count(r => ReferenceEquals(r, rule)) == 1);
    }

    [Fact]
    public void Every_rule_answers_with_an_error_code_the_engine_declares()
    {
        var codes = typeof(JarErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        JarRules.All.ShouldAllBe(r => codes.Contains(r.Error));
    }

    [GeneratedRegex(@"^JAR[1-9][0-9]{2}$")]
    private static partial Regex RuleId();
}
