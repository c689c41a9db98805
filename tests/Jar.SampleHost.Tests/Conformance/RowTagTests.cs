using System.Reflection;
using System.Text.RegularExpressions;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Keeps the [Row] tags honest: every conformance test names at least one row, and every row it names is a row of
/// the catalogue, docs/conformance/catalogue.md in this repository.
/// </summary>
public sealed partial class RowTagTests
{
    private static readonly MethodInfo[] ConformanceTests = typeof(RowTagTests).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(RowTagTests).Namespace)
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetCustomAttributes<FactAttribute>().Any() && m.DeclaringType != typeof(RowTagTests))
        .ToArray();

    [Fact]
    public void Every_conformance_test_names_a_row()
    {
        ConformanceTests.Length.ShouldBeGreaterThan(100);

        ConformanceTests.Where(m => !m.GetCustomAttributes<RowAttribute>().Any()).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ShouldBeEmpty();
    }

    [Fact]
    public void Every_row_named_by_a_test_is_a_row_of_the_catalogue()
    {
        var rows = CatalogueRows();
        rows.ShouldContain("A1");
        rows.ShouldContain("Z3");

        var named = ConformanceTests.SelectMany(m => m.GetCustomAttributes<RowAttribute>().Select(r => (Test: m.Name, r.Id)));

        named.Where(n => !rows.Contains(n.Id)).Select(n => $"{n.Test}: {n.Id}").ShouldBeEmpty();
    }

    [Fact]
    public void Every_row_of_the_catalogue_is_listed_once_under_a_group_heading()
    {
        var lines = RepositoryFiles.ReadLines("docs", "conformance", "catalogue.md");
        string? group = null;
        var outside = new List<string>();
        foreach (var line in lines)
        {
            group = line.StartsWith("## ", StringComparison.Ordinal) ? (GroupHeading().IsMatch(line) ? line : null) : group;
            if (RowLine().IsMatch(line) && group is null)
            {
                outside.Add(line);
            }
        }

        outside.ShouldBeEmpty();
        var ids = lines.Select(l => RowLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["id"].Value).ToList();
        ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    private static HashSet<string> CatalogueRows() =>
        RepositoryFiles.ReadLines("docs", "conformance", "catalogue.md")
            .Select(l => RowLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["id"].Value)
            .ToHashSet(StringComparer.Ordinal);

    // The same row syntax tools/Jar.ConformanceReport/Catalogue.cs reads: "| B1 `alg-none` | ...".
    [GeneratedRegex(@"^\| (?<id>[A-Z][0-9]+) `[^`]+` \|")]
    private static partial Regex RowLine();

    [GeneratedRegex(@"^## [A-Z]\. ")]
    private static partial Regex GroupHeading();
}
