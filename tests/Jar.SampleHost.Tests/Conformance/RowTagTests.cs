using System.Reflection;
using System.Text.RegularExpressions;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Keeps the [Row] tags honest: every conformance test names at least one row, and every row it names is a row of
/// the catalogue (shared/conformance/jar-checks.md, beside the repository as CI lays it out).
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
        var catalogue = Catalogue();
        var rows = RowLine().Matches(catalogue).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        rows.ShouldContain("A1");
        rows.ShouldContain("Z3");

        var named = ConformanceTests.SelectMany(m => m.GetCustomAttributes<RowAttribute>().Select(r => (Test: m.Name, r.Id)));

        named.Where(n => !rows.Contains(n.Id)).Select(n => $"{n.Test}: {n.Id}").ShouldBeEmpty();
    }

    // CI and every worktree have the catalogue at ../shared from the repository's root.
    private static string Catalogue()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "shared", "conformance", "jar-checks.md");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"No shared/conformance/jar-checks.md above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\| (?<id>[A-Z][0-9]+) `", RegexOptions.Multiline)]
    private static partial Regex RowLine();
}
