using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The built host as a person runs it (<c>dotnet Jar.SampleHost.dll …</c>, a process of its own): <c>--help</c> prints
/// usage and starts nothing, an unknown option or command is exit code 2, and the host's options reach its configuration.
/// </summary>
public sealed class HostCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jar-host-cli-").FullName;

    private string DatabaseFile => Path.Combine(_directory, "cli.db");

    [Theory]
    [InlineData("Jar.SampleHost [command] [options]")]
    [InlineData("Jar.SampleHost demo-request <client> [<delivery>] [options]", "demo-request")]
    [InlineData("Jar.SampleHost load-urls <client> <count> <file> [options]", "load-urls")]
    [InlineData("Jar.SampleHost policy show <client> [options]", "policy", "show", "strict-client")]
    [InlineData("Jar.SampleHost policy set <client> [<changes>...] [options]", "policy", "set", "strict-client", "--RequireJwtId", "true")]
    public async Task Help_prints_usage_and_starts_neither_the_server_nor_the_database(string usage, params string[] command)
    {
        // A server would never exit by itself; a command would create the database and the decryption keys.
        var (exit, output, error) = await RunAsync([.. command, "--help"]);

        exit.ShouldBe(0, error);
        output.ShouldContain("Usage:" + Environment.NewLine + "  " + usage);
        error.ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(_directory).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--bogus'.", "--bogus")]
    [InlineData("Unrecognized command or argument 'serve'.", "serve")]
    [InlineData("Unrecognized command or argument '--bogus'.", "policy", "show", "strict-client", "--bogus")]
    [InlineData("Argument 'sometimes' not recognized. Must be one of:", "demo-request", "fapi2-client", "sometimes")]
    [InlineData("count: give a positive number.", "load-urls", "strict-client", "0", "requests.txt")]
    [InlineData("Required argument 'client' missing for command: 'demo-request'.", "demo-request")]
    public async Task An_unknown_option_command_or_value_is_an_error_with_exit_code_2_and_starts_nothing(string message, params string[] command)
    {
        var (exit, output, error) = await RunAsync(command);

        exit.ShouldBe(2, output);
        error.ShouldStartWith(message);
        error.ShouldContain("Usage:");
        File.Exists(DatabaseFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Configuration_overrides_before_and_after_the_command_reach_the_host()
    {
        // --Section:Key value before the command, Key=Value after it: the policy lands in the database they name.
        var (exit, output, error) = await RunAsync(["--Database:Provider", "Sqlite", "policy", "show", "strict-client", $"ConnectionStrings:Jar=Data Source={DatabaseFile}"], connectionString: null);

        exit.ShouldBe(0, error);
        output.ShouldContain("Policy     stored in JarClientPolicies, revision 1, updated ");
        File.Exists(DatabaseFile).ShouldBeTrue();
    }

    [Fact]
    public async Task The_urls_option_tells_a_command_where_the_running_host_is()
    {
        var port = FreePort();

        var (exit, output, error) = await RunAsync(["demo-request", "fapi2-client", "--urls", $"http://127.0.0.1:{port}"]);

        exit.ShouldBe(1, error);
        output.ShouldContain($"Cannot reach the host at http://127.0.0.1:{port}/ (");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The host project's build output, copied beside the tests with its runtimeconfig; its content root is the
    // project folder, where appsettings.json and the demo keys are.
    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments, string? connectionString = "default")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_CONTENTROOT"] = HostProjectDirectory();
        start.Environment["Jar__GeneratedDecryptionKeysFile"] = Path.Combine(_directory, "keys.jwks.json");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (connectionString is not null)
        {
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Jar"] = $"Data Source={DatabaseFile};Pooling=False";
        }

        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The host did not exit: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string HostProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "host-sample", "Jar.SampleHost");
            if (Directory.Exists(project))
            {
                return project;
            }
        }

        throw new DirectoryNotFoundException("No host-sample/Jar.SampleHost above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
