using System.Net;
using System.Text.Json;
using Jar.SampleHost.Commands;

namespace Jar.SampleHost.Tests.Compliance;

/// <summary>
/// <c>compliance</c> on the demo clients: each control with the policy setting, its value and its source as evidence,
/// the mappings (interpretations marked), and the decisions the host recorded, counted by outcome and rule.
/// </summary>
public sealed class ComplianceReportTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Report_shows_each_demo_clients_controls_with_evidence_and_its_refusals_by_rule()
    {
        // fapi2-client's policy requires PAR: a plain request is refused (JAR602) and recorded.
        using var browser = host.CreateBrowser();
        var plain = await browser.GetAsync(new Uri("/connect/authorize?client_id=fapi2-client&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A5080%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", UriKind.Relative));
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var (exit, text) = await RunAsync("compliance", "--format", "json", "--days", "7");

        exit.ShouldBe(0);
        using var json = JsonDocument.Parse(text);
        var clients = json.RootElement.GetProperty("clients").EnumerateArray().ToDictionary(c => c.GetProperty("clientId").GetString()!);
        clients.Keys.ShouldBe(["encrypting-client", "fapi2-client", "public-client", "rollout-client", "sample-client", "strict-client"]);

        var fapi2 = clients["fapi2-client"];
        fapi2.GetProperty("profile").GetString().ShouldBe("fapi2-message-signing");
        var par = Control(fapi2, "par");
        (par.GetProperty("inForce").GetBoolean(), par.GetProperty("setting").GetString(), par.GetProperty("value").GetString(), par.GetProperty("source").GetString())
            .ShouldBe((true, "RequirePushedAuthorizationRequests", "true", "profile:fapi2-message-signing"));
        var ceiling = Control(fapi2, "scope-ceiling");
        ceiling.GetProperty("inForce").GetBoolean().ShouldBeFalse();
        var nhi5 = ceiling.GetProperty("mapsTo").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "NHI5:2025");
        (nhi5.GetProperty("title").GetString(), nhi5.GetProperty("interpretation").GetBoolean()).ShouldBe(("Overprivileged NHI", false));
        ceiling.GetProperty("mapsTo").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ShouldContain("PR.AC-4");
        var decisions = fapi2.GetProperty("decisions");
        decisions.GetProperty("refused").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        decisions.GetProperty("refusedByRule").GetProperty("JAR602").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        Control(fapi2, "request-object").GetProperty("mapsTo").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "SC-8")
            .GetProperty("interpretation").GetBoolean().ShouldBeTrue();

        // rollout-client is report-only: not enforced, by override; strict-client's request object is required by override.
        var enforced = Control(clients["rollout-client"], "enforced");
        (enforced.GetProperty("inForce").GetBoolean(), enforced.GetProperty("value").GetString(), enforced.GetProperty("source").GetString()).ShouldBe((false, "ReportOnly", "override"));
        Control(clients["strict-client"], "request-object").GetProperty("source").GetString().ShouldBe("override");
        Control(clients["encrypting-client"], "encryption").GetProperty("inForce").GetBoolean().ShouldBeTrue();
        clients["fapi2-client"].GetProperty("lint").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ShouldBe(["JARL035"]);

        var server = json.RootElement.GetProperty("server");
        server.GetProperty("decisionTrail").GetProperty("records").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        server.GetProperty("refusalsByClient").GetProperty("fapi2-client").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Markdown_report_for_one_client_names_its_controls_and_marks_interpretations()
    {
        var (exit, text) = await RunAsync("compliance", "--client", "strict-client");

        exit.ShouldBe(0);
        text.ShouldContain("## Client `strict-client`");
        text.ShouldNotContain("## Client `fapi2-client`");
        text.ShouldContain("| Signed request object required | yes | `RequireRequestObject` = true (override) |");
        text.ShouldContain("NIST SP 800-53 Rev. 5 SC-8 Transmission Confidentiality and Integrity *(interpretation)*");
        text.ShouldContain("NIST CSF 2.0 PR.AA-05 Access permissions, entitlements, and authorizations are defined in a policy");
    }

    [Theory]
    [InlineData("compliance: 'nobody' is not a configured client.", "--client", "nobody")]
    [InlineData("pdf", "--format", "pdf")]
    [InlineData("--days must be between 1 and 366.", "--days", "0")]
    public async Task Compliance_refuses_bad_arguments_with_exit_code_2(string message, params string[] arguments)
    {
        var (exit, text) = await RunAsync(["compliance", .. arguments]);

        exit.ShouldBe(2);
        text.ShouldContain(message);
    }

    private static JsonElement Control(JsonElement client, string id) =>
        client.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

    private async Task<(int Exit, string Output)> RunAsync(params string[] command)
    {
        _ = host.Server;
        using var output = new StringWriter();
        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);
        return (exit, output.ToString());
    }
}
