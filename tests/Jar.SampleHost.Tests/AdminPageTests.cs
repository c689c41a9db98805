using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Jar.SampleHost.Demo;

namespace Jar.SampleHost.Tests;

/// <summary>The read-only pages over the JAR stores: /decisions (signed in) and /policies.</summary>
public sealed class AdminPageTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Decisions_page_sends_an_anonymous_visitor_to_the_login_page()
    {
        using var browser = host.CreateBrowser();

        var response = await browser.GetAsync(new Uri("/decisions", UriKind.Relative));

        var location = Browser.Location(response);
        location.AbsolutePath.ShouldBe("/Account/Login");
        AuthorizationFlow.Query(location)["ReturnUrl"].ToString().ShouldBe("/decisions");
    }

    [Fact]
    public async Task Decisions_page_shows_a_refusal_and_a_report_only_request_with_their_rules_hash_jti_kid_and_alg()
    {
        var refused = await AuthorizationFlow.StartAsync(host, "fapi2-client", DemoDelivery.RequestObjectByValue);
        var reportOnly = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);
        using var browser = host.CreateBrowser();
        (await browser.GetAsync(refused.AuthorizationUrl)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync(reportOnly.AuthorizationUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await SignInAsync(browser);

        var page = await Browser.ReadPageAsync(await browser.GetAsync(new Uri("/decisions", UriKind.Relative)));

        // A refused request's trail is its one record; so is a report-only request that no one signed in for yet.
        var refusedRow = Row(page, Stores.Sha256Hex(refused.RequestObject!));
        Client(refusedRow).ShouldBe("fapi2-client");
        Cell(refusedRow, "endpoint").ShouldBe("Authorization");
        Cell(refusedRow, "outcome").ShouldBe("Refused");
        Cell(refusedRow, "rules").ShouldBe("JAR602");
        Cell(refusedRow, "profile").ShouldBe("fapi2-message-signing");
        Cell(refusedRow, "jti").ShouldBe(Stores.Claim(refused.RequestObject!, "jti"));
        Cell(refusedRow, "kid").ShouldBe("fapi2-client-demo-1");
        Cell(refusedRow, "alg").ShouldBe("PS256");
        Cell(refusedRow, "time").ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");

        var reportOnlyRow = Row(page, Stores.Sha256Hex(reportOnly.RequestObject!));
        Client(reportOnlyRow).ShouldBe("rollout-client");
        Cell(reportOnlyRow, "outcome").ShouldBe("ReportOnly");
        Cell(reportOnlyRow, "rules").ShouldBe("JAR602");
        Cell(reportOnlyRow, "alg").ShouldBe("ES256");

        // Newest first: the report-only request came after the refusal.
        var ids = page.QuerySelectorAll("details.trail").Select(Id).ToList();
        ids.ShouldBe(ids.OrderDescending());
        ids.IndexOf(Id(reportOnlyRow.Closest("details.trail")!)).ShouldBeLessThan(ids.IndexOf(Id(refusedRow.Closest("details.trail")!)));
    }

    [Fact]
    public async Task Decisions_page_filters_by_client()
    {
        var refused = await AuthorizationFlow.StartAsync(host, "fapi2-client", DemoDelivery.RequestObjectByValue);
        var reportOnly = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);
        using var browser = host.CreateBrowser();
        await browser.GetAsync(refused.AuthorizationUrl);
        await browser.GetAsync(reportOnly.AuthorizationUrl);
        await SignInAsync(browser);

        var page = await Browser.ReadPageAsync(await browser.GetAsync(new Uri("/decisions?client=rollout-client", UriKind.Relative)));

        var clients = page.QuerySelectorAll("details.trail > summary .client").Select(c => c.TextContent).ToList();
        clients.ShouldNotBeEmpty();
        clients.ShouldAllBe(c => c == "rollout-client");
        page.QuerySelectorAll("tbody td.object code").Select(c => c.GetAttribute("title")).ShouldContain(Stores.Sha256Hex(reportOnly.RequestObject!));
    }

    [Fact]
    public async Task Policies_page_lists_each_client_with_its_stored_policy_and_the_source_of_every_setting()
    {
        using var browser = host.CreateBrowser();

        var response = await browser.GetAsync(new Uri("/policies", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browser.ReadPageAsync(response);
        page.QuerySelectorAll("section.policy").Select(s => s.Id).ShouldBe(["policy-encrypting-client", "policy-fapi2-client", "policy-public-client", "policy-rollout-client", "policy-sample-client", "policy-strict-client"]);

        var rollout = page.QuerySelector("#policy-rollout-client")!;
        rollout.QuerySelector(".where")!.TextContent.ShouldStartWith("stored in JarClientPolicies, revision ");
        rollout.QuerySelector(".overrides")!.TextContent.ShouldBe("{\"Profile\":\"strict\",\"RequirePushedAuthorizationRequests\":true,\"RequireJwtId\":true,\"Mode\":\"ReportOnly\"}");
        Setting(rollout, "RequirePushedAuthorizationRequests").ShouldBe(("true", "override"));
        Setting(rollout, "Mode").ShouldBe(("ReportOnly", "override"));
        Setting(rollout, "RequirePkce").ShouldBe(("true", "profile:strict"));

        var fapi2 = page.QuerySelector("#policy-fapi2-client")!;
        fapi2.QuerySelector(".profile")!.TextContent.ShouldBe("fapi2-message-signing (named by the policy)");
        fapi2.QuerySelectorAll("tbody tr td.source").Select(c => c.TextContent).ShouldAllBe(s => s == "profile:fapi2-message-signing");
    }

    internal static async Task SignInAsync(Browser browser)
    {
        var login = new Uri("/Account/Login", UriKind.Relative);
        var form = (await Browser.ReadPageAsync(await browser.GetAsync(login))).QuerySelector<IHtmlFormElement>("form.stack")!;
        var response = await browser.SubmitAsync(form, login, new Dictionary<string, string> { ["Username"] = AuthorizationFlow.Username, ["Password"] = AuthorizationFlow.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static IElement Row(IHtmlDocument page, string hash) =>
        page.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("td.object code")?.GetAttribute("title") == hash).ShouldHaveSingleItem();

    private static string Cell(IElement row, string name) => row.QuerySelector($"td.{name}")!.TextContent.Trim();

    private static string Client(IElement record) => record.Closest("details.trail")!.QuerySelector("summary .client")!.TextContent;

    private static long Id(IElement element) => long.Parse(element.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture);

    private static (string Value, string Source) Setting(IElement section, string setting)
    {
        var row = section.QuerySelector($"tr[data-setting={setting}]")!;
        return (row.QuerySelector(".value")!.TextContent, row.QuerySelector(".source")!.TextContent);
    }
}
