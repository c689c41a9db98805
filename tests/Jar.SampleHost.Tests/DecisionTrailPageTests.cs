using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The pages over the trail, after real authorizations through the host: /decisions shows each authorization as one
/// row opening onto its records and finds it by every kind of search; the consent page shows what was verified.
/// Run on each database provider that can run here: the search is one database query.
/// </summary>
public abstract class DecisionTrailPageTests(SampleHostFactory host)
{
    [Fact]
    public async Task A_pushed_authorization_is_one_trail_row_with_its_records_in_chain_order_found_by_every_search_kind()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");
        request.Delivery.ShouldBe(DemoDelivery.PushedRequestObject);
        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile", "email", "offline_access"]);
        var trail = await TrailOfAsync(request.RequestObject!);
        using var browser = host.CreateBrowser();
        await AdminPageTests.SignInAsync(browser);

        var page = await DecisionsAsync(browser, "/decisions");

        var row = TrailRow(page, trail[0].TrailId!);
        Summary(row, "client").ShouldBe("fapi2-client");
        Summary(row, "user").ShouldBe("alice");
        Summary(row, "outcome").ShouldBe(nameof(JarOutcome.Accepted));
        Summary(row, "steps").ShouldBe(trail.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row.HasAttribute("open").ShouldBeFalse();
        var records = row.QuerySelectorAll("table.records tbody tr").ToList();
        records.Select(r => r.GetAttribute("data-id")).ShouldBe(trail.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        records.Select(r => Cell(r, "step")).ShouldBe(trail.Select(r => r.Step.ToString()));
        Cell(records[0], "endpoint").ShouldBe(nameof(JarEndpoint.PushedAuthorization));
        Cell(records[0], "kid").ShouldBe("fapi2-client-demo-1");
        Cell(records[0], "alg").ShouldBe("PS256");
        Full(records[0], "intent").ShouldBe(trail[0].IntentHash);
        Full(records[0], "object").ShouldBe(Stores.Sha256Hex(request.RequestObject!));
        Full(records[^1], "record-hash").ShouldBe(trail[^1].Hash);
        Full(records[^1], "previous").ShouldBe(trail[^2].Hash);
        Cell(records[0], "intent").ShouldBe(trail[0].IntentHash![..DecisionsModelShort] + "\u2026");
        records.Single(r => Cell(r, "step") == nameof(JarTrailStep.Consent)).QuerySelector("td.user")!.TextContent.ShouldBe("alice");

        // The intent hash the page shows is the one the ID token carries.
        DecisionTrailTests.Claim(tokens.GetProperty("id_token").GetString()!, JarIntent.ClaimType).ShouldBe(trail[0].IntentHash);

        // Each kind of search finds the whole trail; a hash or a token id finds only it.
        var redemption = trail.Single(r => r.Step == JarTrailStep.TokenRedemption);
        foreach (var unique in new[] { trail[0].IntentHash!, Stores.Sha256Hex(request.RequestObject!), trail[3].Hash!, trail[3].PreviousHash!, redemption.TokenIds!.Split(',')[1], trail[0].TrailId! })
        {
            var found = await DecisionsAsync(browser, "/decisions?q=" + Uri.EscapeDataString(unique));
            found.QuerySelectorAll("details.trail").ShouldHaveSingleItem().GetAttribute("data-trail").ShouldBe(trail[0].TrailId, unique);
            TrailRow(found, trail[0].TrailId!).QuerySelectorAll("table.records tbody tr").Length.ShouldBe(trail.Count);
        }

        foreach (var shared in new[] { "q=fapi2-client", "q=alice", "q=accepted", "q=Accepted&outcome=Accepted", "client=fapi2-client&object=" + Stores.Sha256Hex(request.RequestObject!) })
        {
            var found = await DecisionsAsync(browser, "/decisions?" + shared);
            TrailRow(found, trail[0].TrailId!).QuerySelectorAll("table.records tbody tr").Length.ShouldBe(trail.Count, shared);
        }

        // Searches that do not name it do not find it.
        foreach (var other in new[] { "q=" + Stores.Sha256Hex("not a request object"), "q=strict-client", "q=JAR602", "q=bob", "q=fapi2-client&outcome=Refused" })
        {
            var found = await DecisionsAsync(browser, "/decisions?" + other);
            found.QuerySelectorAll($"details.trail[data-trail='{trail[0].TrailId}']").ShouldBeEmpty(other);
        }

        var none = await DecisionsAsync(browser, "/decisions?q=" + Stores.Sha256Hex("not a request object"));
        none.QuerySelector("#no-match").ShouldNotBeNull();
        none.QuerySelectorAll("details.trail").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_report_only_authorization_by_value_is_found_by_its_rule_id_and_shows_the_rule_linked_to_the_catalogue()
    {
        var request = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);
        using var user = host.CreateBrowser();
        var accepted = await user.GetAsync(request.AuthorizationUrl);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, answer) = await AuthorizationFlow.SignInAndDecideAsync(user, Browser.Location(accepted), "allow");
        AuthorizationFlow.Query(Browser.Location(answer))["code"].ToString().ShouldNotBeNullOrEmpty();
        var trail = await TrailOfAsync(request.RequestObject!);
        trail[0].Outcome.ShouldBe(JarOutcome.ReportOnly);
        trail[0].RuleIds.ShouldBe("JAR602");
        using var browser = host.CreateBrowser();
        await AdminPageTests.SignInAsync(browser);

        foreach (var search in new[] { "q=JAR602", "q=jar602", "q=ReportOnly", "q=rollout-client&outcome=Accepted", "q=" + trail[0].IntentHash })
        {
            var page = await DecisionsAsync(browser, "/decisions?" + search);
            var row = TrailRow(page, trail[0].TrailId!);
            Summary(row, "client").ShouldBe("rollout-client", search);
            Summary(row, "user").ShouldBe("alice");
            Summary(row, "outcome").ShouldBe(nameof(JarOutcome.Accepted)); // its last record: the code issued
            row.QuerySelectorAll("table.records tbody tr").Length.ShouldBe(trail.Count);
        }

        var found = await DecisionsAsync(browser, "/decisions?q=JAR602");
        var first = TrailRow(found, trail[0].TrailId!).QuerySelector("table.records tbody tr")!;
        Cell(first, "outcome").ShouldBe(nameof(JarOutcome.ReportOnly));
        first.QuerySelector("td.rules a")!.GetAttribute("href").ShouldBe("/rules#JAR602");
        (await DecisionsAsync(browser, "/decisions?q=JAR60")).QuerySelectorAll($"details.trail[data-trail='{trail[0].TrailId}']").ShouldBeEmpty();
        (await DecisionsAsync(browser, "/decisions?q=JAR602&outcome=Refused")).QuerySelectorAll($"details.trail[data-trail='{trail[0].TrailId}']").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fapi2-client", DemoDelivery.PushedRequestObject, "fapi2-client-demo-1", "PS256", new[] { "openid", "profile", "email", "offline_access" })]
    [InlineData("strict-client", DemoDelivery.RequestObjectByValue, "strict-client-demo-1", "PS256", new[] { "openid", "profile" })]
    public async Task The_consent_page_shows_the_verified_key_id_algorithm_and_the_intent_hash_the_id_token_carries(
        string clientId, DemoDelivery delivery, string kid, string alg, string[] scopes)
    {
        var request = await AuthorizationFlow.StartAsync(host, clientId, delivery);
        IHtmlDocument? consent = null;

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, scopes, page => consent = page);

        var trail = await TrailOfAsync(request.RequestObject!);
        var verified = trail.First(r => r.KeyId is not null);
        consent.ShouldNotBeNull().QuerySelector("#request-signed").ShouldNotBeNull().TextContent.ShouldStartWith("Signed by the client and verified");
        consent.QuerySelector("#request-plain").ShouldBeNull();
        consent.QuerySelector("#request-kid")!.TextContent.ShouldBe(kid);
        consent.QuerySelector("#request-kid")!.TextContent.ShouldBe(verified.KeyId);
        consent.QuerySelector("#request-alg")!.TextContent.ShouldBe(alg);
        consent.QuerySelector("#request-alg")!.TextContent.ShouldBe(verified.Algorithm);
        var intent = consent.QuerySelector("#intent-hash")!.TextContent;
        intent.ShouldBe(trail[0].IntentHash);
        intent.ShouldBe(JarIntent.FromRequestObjectPayload(Base64UrlEncoder.Decode(request.RequestObject!.Split('.')[1]), clientId));
        intent.ShouldBe(DecisionTrailTests.Claim(tokens.GetProperty("id_token").GetString()!, JarIntent.ClaimType));
    }

    [Fact]
    public async Task The_consent_page_says_a_plain_request_was_not_signed_and_still_shows_its_intent_hash()
    {
        var request = await AuthorizationFlow.StartAsync(host, "public-client");
        request.Delivery.ShouldBe(DemoDelivery.Query);
        IHtmlDocument? consent = null;

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, ["openid", "profile"], page => consent = page);

        consent.ShouldNotBeNull().QuerySelector("#request-plain").ShouldNotBeNull().TextContent.ShouldStartWith("Not signed");
        consent.QuerySelector("#request-signed").ShouldBeNull();
        consent.QuerySelector("#request-kid").ShouldBeNull();
        var intent = consent.QuerySelector("#intent-hash").ShouldNotBeNull().TextContent;
        var idToken = tokens.GetProperty("id_token").GetString()!;
        intent.ShouldBe(DecisionTrailTests.Claim(idToken, JarIntent.ClaimType));
        var recorded = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.IntentHash == intent).ToListAsync());
        recorded.ShouldNotBeEmpty();
        recorded.ShouldAllBe(r => r.ClientId == "public-client" && r.RequestObjectHash == null);
    }

    [Theory]
    [InlineData("/decisions?q=%00")]
    [InlineData("/decisions?q=fapi2-client%00")]
    [InlineData("/decisions?client=%00&object=%00")]
    [InlineData("/decisions?outcome=Nonsense")]
    [InlineData("/decisions?outcome=%00&q=%27%20OR%201%3D1%20--")]
    public async Task Decisions_page_answers_a_search_no_record_can_match_with_no_trail_never_an_error(string url)
    {
        using var browser = host.CreateBrowser();
        await AdminPageTests.SignInAsync(browser);

        var page = await DecisionsAsync(browser, url);

        if (!url.Contains("outcome=Nonsense", StringComparison.Ordinal))
        {
            page.QuerySelector("#no-match").ShouldNotBeNull();
            page.QuerySelectorAll("details.trail").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Decisions_page_answers_a_search_longer_than_any_stored_value_with_no_trail()
    {
        using var browser = host.CreateBrowser();
        await AdminPageTests.SignInAsync(browser);

        var page = await DecisionsAsync(browser, "/decisions?q=" + new string('a', 5000));

        page.QuerySelector("#no-match").ShouldNotBeNull();
    }

    private const int DecisionsModelShort = Jar.SampleHost.Pages.DecisionsModel.ShortHashLength;

    private static async Task<IHtmlDocument> DecisionsAsync(Browser browser, string url)
    {
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Browser.ReadPageAsync(response);
    }

    private static IElement TrailRow(IHtmlDocument page, string trailId) =>
        page.QuerySelectorAll($"details.trail[data-trail='{trailId}']").ShouldHaveSingleItem();

    private static string Summary(IElement row, string name) => row.QuerySelector($"summary .{name}")!.TextContent;

    private static string Cell(IElement record, string name) => record.QuerySelector($"td.{name}")!.TextContent.Trim();

    private static string? Full(IElement record, string name) => record.QuerySelector($"td.{name} code")?.GetAttribute("title");

    private async Task<List<JarDecisionRecord>> TrailOfAsync(string requestObject)
    {
        var trailId = (await Stores.DecisionsAsync(host, requestObject))[^1].TrailId;
        return await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.TrailId == trailId).OrderBy(r => r.Sequence).ToListAsync());
    }
}
