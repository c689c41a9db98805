using System.Text.RegularExpressions;
using Jar.Testing;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The repository stands alone: a clone in an empty folder builds, tests and writes its reports with nothing beside
/// it. No source, test, script, tool or CI file names a folder next to the repository or a path above its root.
/// ./test.sh proves the same by running the catalogue tests in a copy of the committed files in an empty folder.
/// </summary>
public sealed partial class SelfContainedRepositoryTests
{
    private static readonly string[] Checked = ["src", "tests", "host-sample", "scripts", "tools", ".ci", "test.sh"];

    private static readonly string[] Skipped = ["bin", "obj", "TestResults", "App_Data", "node_modules"];

    private static readonly string[] TextFiles =
        [".cs", ".csproj", ".props", ".targets", ".json", ".sh", ".lua", ".md", ".txt", ".cshtml", ".css", ".js", ".editorconfig", ""];

    [Fact]
    public void Checks_the_files_of_every_folder_that_builds_or_runs_something()
    {
        var files = Files().Select(f => Relative(f.FullName)).ToList();

        files.ShouldContain("test.sh");
        files.ShouldContain(Path.Combine(".ci", "run"));
        files.ShouldContain(Path.Combine("scripts", "conformance-report.sh"));
        files.ShouldContain(Path.Combine("tools", "Jar.ConformanceReport", "Catalogue.cs"));
        files.Count.ShouldBeGreaterThan(300);
    }

    [Fact]
    public void No_file_names_a_folder_beside_the_repository()
    {
        // Built from parts, so this file does not name them itself.
        string[] outside = [".." + "/shared", ".." + "\\shared", "shared" + "/conformance", "jar-" + "checks", "/wo" + "rk/", "/ho" + "me/"];

        var offenders = Files()
            .SelectMany(f => File.ReadLines(f.FullName).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => outside.Any(o => l.Text.Contains(o, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{Relative(l.File.FullName)}:{l.Line}: {l.Text.Trim()}");

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void No_relative_path_climbs_above_the_repository_root()
    {
        var root = RepositoryFiles.Root().FullName;
        var offenders = new List<string>();
        foreach (var file in Files())
        {
            var depth = Path.GetRelativePath(root, file.DirectoryName!).Split(Path.DirectorySeparatorChar).Count(s => s is not "." and not "");
            var lines = File.ReadAllLines(file.FullName);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match climb in Climb().Matches(lines[i]))
                {
                    // Up from the file's own folder: more steps than the file is deep leaves the repository.
                    if (climb.Groups["up"].Captures.Count > depth)
                    {
                        offenders.Add($"{Relative(file.FullName)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_climb_check_sees_a_path_that_leaves_the_repository()
    {
        // Built from parts, so this file does not climb out itself.
        var import = "<Import Project=\"" + string.Concat(Enumerable.Repeat(@"..\", 3)) + "outside.props\" />";
        Climb().Matches(import).Single().Groups["up"].Captures.Count.ShouldBe(3);
        Climb().Matches("cat ../../x/y.md").Single().Groups["up"].Captures.Count.ShouldBe(2);
        Climb().Count("a.b/../c and v1..2").ShouldBe(0);
    }

    private static IEnumerable<FileInfo> Files()
    {
        var root = RepositoryFiles.Root();
        foreach (var name in Checked)
        {
            var path = Path.Combine(root.FullName, name);
            if (File.Exists(path))
            {
                yield return new FileInfo(path);
                continue;
            }

            foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                var parts = Path.GetRelativePath(root.FullName, file.FullName).Split(Path.DirectorySeparatorChar);
                if (!parts.Any(p => Skipped.Contains(p, StringComparer.Ordinal)) && TextFiles.Contains(file.Extension, StringComparer.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root().FullName, path);

    // A run of "../" or "..\" steps that starts a path (not the middle of "a/../b", which climbs back into itself).
    [GeneratedRegex(@"(?<![\w.\\/-])(?<up>\.\.[\\/])+")]
    private static partial Regex Climb();
}
