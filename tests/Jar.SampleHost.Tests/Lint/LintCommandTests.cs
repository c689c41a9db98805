using System.Text.Json;
using Jar.IdentityServer.Extensions.Lint;
using Jar.SampleHost.Commands;

namespace Jar.SampleHost.Tests.Lint;

/// <summary>
/// <c>lint [--format text|json|sarif]</c> on the sample host: its own configuration lints without errors (exit 0); one
/// client with a plain http redirect URI makes it exit 1, naming the client, in every format; a wrong format is exit 2.
/// </summary>
public abstract class LintCommandTests(SampleHostFactory sample, SampleHostFactory withHttpClient)
{
    [Fact]
    public async Task The_sample_hosts_own_configuration_lints_without_errors()
    {
        var (exit, text) = await RunAsync(sample, "lint");

        exit.ShouldBe(0);
        text.ShouldNotContain("error ");
        text.ShouldContain("6 clients linted: 0 errors, 0 warnings, 4 notes.");
    }

    [Fact]
    public async Task Lint_names_the_client_with_a_plain_http_redirect_uri_and_exits_1()
    {
        var (exit, text) = await RunAsync(withHttpClient, "lint");

        exit.ShouldBe(1);
        text.ShouldContain($"error     JARL001  client:{LintClients.HttpClient}");
        text.ShouldContain($"Client '{LintClients.HttpClient}': redirect URI '{LintClients.HttpRedirectUri}' uses plain http on 'app.example.com', which is not a loopback address.");
        text.ShouldContain("7 clients linted: 1 errors, ");
    }

    [Fact]
    public async Task Lint_as_json_carries_the_same_error()
    {
        var (exit, text) = await RunAsync(withHttpClient, "lint", "--format", "json");

        exit.ShouldBe(1);
        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("errors").GetInt32().ShouldBe(1);
        var error = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "error");
        (error.GetProperty("ruleId").GetString(), error.GetProperty("clientId").GetString(), error.GetProperty("setting").GetString())
            .ShouldBe(("JARL001", LintClients.HttpClient, "RedirectUris"));
    }

    [Fact]
    public async Task Lint_as_sarif_locates_the_error_at_the_client_and_the_configuration_file()
    {
        var (exit, text) = await RunAsync(withHttpClient, "lint", "--format", "sarif");

        exit.ShouldBe(1);
        using var sarif = JsonDocument.Parse(text);
        sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = sarif.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(JarLintRules.All.Count);
        var error = run.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "error");
        error.GetProperty("ruleId").GetString().ShouldBe("JARL001");
        var location = error.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("host-sample/Jar.SampleHost/appsettings.json");
        location.GetProperty("logicalLocations")[0].GetProperty("name").GetString().ShouldBe(LintClients.HttpClient);
    }

    [Fact]
    public async Task Lint_refuses_an_unknown_format_with_exit_code_2()
    {
        var (exit, text) = await RunAsync(sample, "lint", "--format", "xml");

        exit.ShouldBe(2);
        text.ShouldContain("xml");
    }

    private static async Task<(int Exit, string Output)> RunAsync(SampleHostFactory host, params string[] command)
    {
        _ = host.Server;
        using var output = new StringWriter();
        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);
        return (exit, output.ToString());
    }
}

/// <summary>The lint on SQLite.</summary>
public sealed class SqliteLintCommandTests(SampleHostFactory sample, LintHostFactory withHttpClient)
    : LintCommandTests(sample, withHttpClient), IClassFixture<SampleHostFactory>, IClassFixture<LintHostFactory>;

/// <summary>The lint on PostgreSQL.</summary>
public sealed class PostgreSqlLintCommandTests(PostgreSqlSampleHostFactory sample, PostgreSqlLintHostFactory withHttpClient)
    : LintCommandTests(sample, withHttpClient), IClassFixture<PostgreSqlSampleHostFactory>, IClassFixture<PostgreSqlLintHostFactory>;
