using System.Text.RegularExpressions;

namespace Jar.ConformanceReport;

/// <summary>
/// Reads the rows of docs/conformance/catalogue.md: the table lines that start with an id and a back-quoted
/// short name (<c>| B1 `alg-none` | ...</c>), under their <c>## B. ...</c> group heading.
/// </summary>
internal static partial class Catalogue
{
    public static IReadOnlyList<CatalogueRow> Read(string path)
    {
        var rows = new List<CatalogueRow>();
        string? group = null;
        foreach (var line in File.ReadLines(path))
        {
            if (GroupHeading().Match(line) is { Success: true } heading)
            {
                group = heading.Groups["group"].Value;
            }
            else if (group is not null && RowLine().Match(line) is { Success: true } row)
            {
                rows.Add(new CatalogueRow(row.Groups["id"].Value, row.Groups["name"].Value, group));
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                group = null; // "Conflicts to decide in configuration" and the like: prose, no rows.
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: no catalogue rows found (expected lines like '| B1 `alg-none` | ...').");
        }

        var twice = rows.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return twice.Count == 0 ? rows : throw new InvalidDataException($"{path}: rows listed twice: {string.Join(", ", twice)}.");
    }

    /// <summary>docs/conformance/catalogue.md of the repository that holds <paramref name="folder"/>: the first folder above it with the solution file.</summary>
    public static string InRepository(string folder)
    {
        for (var current = new DirectoryInfo(folder); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "Jar.IdentityServer.Extensions.sln")))
            {
                return Path.Combine(current.FullName, "docs", "conformance", "catalogue.md");
            }
        }

        throw new FileNotFoundException($"No Jar.IdentityServer.Extensions.sln in {folder} or above it; pass --catalogue.");
    }

    [GeneratedRegex(@"^## (?<group>[A-Z]\. .+)$")]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^\| (?<id>[A-Z][0-9]+) `(?<name>[^`]+)` \|")]
    private static partial Regex RowLine();
}
