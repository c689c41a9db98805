namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>Files of the repository, found from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "Jar.IdentityServer.Extensions.sln";

    /// <summary>The folder that holds the solution file, walking up from the test assembly.</summary>
    public static DirectoryInfo Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }

    public static string[] ReadLines(params string[] relativePath) =>
        File.ReadAllLines(Path.Combine([Root().FullName, .. relativePath]));
}
