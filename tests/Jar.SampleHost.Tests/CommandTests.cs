using Jar.SampleHost.Commands;
using Jar.SampleHost.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>The commands, run against the host's own services: demo-request over HTTP, policy show from the policy store.</summary>
public sealed class CommandTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Demo_request_pushes_the_fapi2_request_prints_the_url_and_keeps_the_verifier_under_its_state()
    {
        _ = host.Server; // the host is started, so its database and clients exist
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, ["demo-request", "fapi2-client"], output, CancellationToken.None);

        exit.ShouldBe(0);
        var text = output.ToString();
        text.ShouldContain("\"typ\": \"oauth-authz-req+jwt\"");
        text.ShouldContain("\"aud\": \"http://localhost/\"");
        text.ShouldContain("PAR answered 201: request_uri urn:ietf:params:oauth:request_uri:");
        var url = text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://localhost/connect/authorize?", StringComparison.Ordinal));
        var query = AuthorizationFlow.Query(new Uri(url));
        query.Keys.Order().ShouldBe(["client_id", "request_uri"]);
        var state = text.Split("kept under state ")[1].Split(';')[0];
        await using var scope = host.Services.CreateAsyncScope();
        var pending = await scope.ServiceProvider.GetRequiredService<PendingAuthorizationStore>().FindAsync(state, CancellationToken.None);
        pending.ShouldNotBeNull().ClientId.ShouldBe("fapi2-client");
        pending.CodeVerifier.Length.ShouldBe(43);
    }

    [Fact]
    public async Task Demo_request_for_the_encrypting_client_prints_the_JWE_header_and_the_signed_object_inside_it()
    {
        _ = host.Server;
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, ["demo-request", "encrypting-client"], output, CancellationToken.None);

        exit.ShouldBe(0);
        var text = output.ToString();
        var jwe = text.IndexOf("Encrypted to the server (RFC 9101 §6.1), JWE header:", StringComparison.Ordinal);
        var inner = text.IndexOf("Signed request object, header:", StringComparison.Ordinal);
        jwe.ShouldBeGreaterThan(0);
        inner.ShouldBeGreaterThan(jwe);
        text[jwe..inner].ShouldContain("\"alg\": \"RSA-OAEP-256\"");
        text[jwe..inner].ShouldContain("\"enc\": \"A256GCM\"");
        text[inner..].ShouldContain("\"alg\": \"ES256\"");
        text[inner..].ShouldContain("\"client_id\": \"encrypting-client\"");
        var url = text.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://localhost/connect/authorize?", StringComparison.Ordinal));
        AuthorizationFlow.Query(new Uri(url))["request"].ToString().Split('.').Length.ShouldBe(5);
    }

    [Fact]
    public async Task Demo_request_for_an_unknown_client_names_the_configured_ones_and_fails()
    {
        _ = host.Server;
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, ["demo-request", "nobody"], output, CancellationToken.None);

        exit.ShouldBe(1);
        output.ToString().ShouldContain("'nobody' is not a configured client. Configured: encrypting-client, fapi2-client, public-client, rollout-client, sample-client, strict-client.");
    }

    [Fact]
    public async Task Policy_show_prints_each_setting_with_its_value_and_whether_the_profile_or_an_override_set_it()
    {
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, ["policy", "show", "strict-client"], output, CancellationToken.None);

        exit.ShouldBe(0);
        var rows = Rows(output.ToString());
        output.ToString().ShouldContain("Policy     stored in JarClientPolicies, revision 1, updated ");
        output.ToString().ShouldContain("Overrides  {\"Profile\":\"strict\",\"RequireRequestObject\":true}");
        output.ToString().ShouldContain("Profile    strict (named by the policy)");
        rows["RequireRequestObject"].ShouldBe(("true", "override"));
        rows["RequirePushedAuthorizationRequests"].ShouldBe(("false", "profile:strict"));
        rows["RequirePkce"].ShouldBe(("true", "profile:strict"));
        rows["AllowedSigningAlgorithms"].ShouldBe(("ES256, PS256", "profile:strict"));
        rows["AllowedScopes"].ShouldBe(("(none: the client's registration decides)", "profile:strict"));
        rows["MaxRequestObjectLifetime"].ShouldBe(("01:00:00", "profile:strict"));
        rows["Mode"].ShouldBe(("Enforce", "profile:strict"));
    }

    [Fact]
    public async Task Policy_show_of_the_fapi2_client_takes_every_value_from_its_profile()
    {
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, ["policy", "show", "fapi2-client"], output, CancellationToken.None);

        exit.ShouldBe(0);
        var rows = Rows(output.ToString());
        rows["RequirePushedAuthorizationRequests"].ShouldBe(("true", "profile:fapi2-message-signing"));
        rows["RequireRequestObject"].ShouldBe(("true", "profile:fapi2-message-signing"));
        rows.Values.ShouldAllBe(r => r.Source == "profile:fapi2-message-signing");
    }

    [Theory]
    [InlineData("policy: 'nobody' is not a configured client.", "Jar.SampleHost policy show <client> [options]", "policy", "show", "nobody")]
    [InlineData("Required command was not provided.\nUnrecognized command or argument 'drop'.", "Jar.SampleHost policy [command] [options]", "policy", "drop", "fapi2-client")]
    [InlineData("Required argument 'client' missing for command: 'show'.", "Jar.SampleHost policy show <client> [options]", "policy", "show")]
    [InlineData("Required command was not provided.", "Jar.SampleHost policy [command] [options]", "policy")]
    public async Task Policy_command_refuses_an_unknown_client_or_verb_with_exit_code_2_and_the_usage_of_the_command(string message, string usage, params string[] command)
    {
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);

        exit.ShouldBe(2);
        output.ToString().ShouldStartWith(message.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
        output.ToString().ShouldContain("Usage:" + Environment.NewLine + "  " + usage);
    }

    [Theory]
    [InlineData("Jar.SampleHost [command] [options]")]
    [InlineData("Jar.SampleHost demo-request <client> [<delivery>] [options]", "demo-request")]
    [InlineData("Jar.SampleHost load-urls <client> <count> <file> [options]", "load-urls")]
    [InlineData("Jar.SampleHost policy [command] [options]", "policy")]
    [InlineData("Jar.SampleHost policy show <client> [options]", "policy", "show")]
    [InlineData("Jar.SampleHost policy set <client> [<changes>...] [options]", "policy", "set")]
    public async Task Help_on_every_command_prints_its_usage_and_runs_nothing(string usage, params string[] command)
    {
        using var output = new StringWriter();

        var exit = await SampleCommands.RunAsync(host.Services, [.. command, "--help"], output, CancellationToken.None);

        exit.ShouldBe(0);
        output.ToString().ShouldContain("Usage:" + Environment.NewLine + "  " + usage);
    }

    // The table under the header line: setting, value, source, separated by runs of spaces.
    internal static Dictionary<string, (string Value, string Source)> Rows(string report)
    {
        var lines = report.Split('\n', StringSplitOptions.TrimEntries).SkipWhile(l => !l.StartsWith("Setting", StringComparison.Ordinal)).Skip(1).Where(l => l.Length > 0);
        return lines.Select(l => System.Text.RegularExpressions.Regex.Split(l, "  +")).ToDictionary(c => c[0], c => (c[1], c[2]));
    }
}
