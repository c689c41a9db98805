namespace Jar.Testing;

/// <summary>
/// Files of the repository, found from the test's output folder by walking up to the solution file: never from a
/// folder beside the repository, so a fresh clone anywhere finds everything it needs.
/// </summary>
public static class RepositoryFiles
{
    private const string SolutionFile = "Jar.IdentityServer.Extensions.sln";

    /// <summary>The folder that holds the solution file, walking up from the test assembly.</summary>
    public static DirectoryInfo Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    /// <summary>The full path of a file of the repository, e.g. <c>Path("docs", "rules.md")</c>.</summary>
    public static string Path(params string[] relativePath) => System.IO.Path.Combine([Root().FullName, .. relativePath]);

    public static string[] ReadLines(params string[] relativePath) => File.ReadAllLines(Path(relativePath));

    /// <summary>The cells of each row of the Markdown table under <paramref name="heading"/> (after its separator, up to the first line that is not a row).</summary>
    public static List<string[]> TableRows(string heading, params string[] relativePath)
    {
        var lines = ReadLines(relativePath);
        var start = Array.IndexOf(lines, heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"{string.Join('/', relativePath)} has no table headed {heading}");
        }

        return lines
            .Skip(start + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();
    }
}
