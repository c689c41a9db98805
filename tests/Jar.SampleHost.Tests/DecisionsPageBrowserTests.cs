using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Demo;
using Jar.Testing.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Jar.SampleHost.Tests;

/// <summary>
/// An operator's view of one authorization in a real browser (Debian's Chromium through Playwright) against the host
/// on a real socket: the user signs in and allows a pushed request on a consent page that shows the verified key and
/// the intent hash; then /decisions, searched by that intent hash, shows the authorization as one row that opens onto
/// its records. Screenshots are kept under TestResults/screenshots of this project.
/// </summary>
public sealed class DecisionsPageBrowserTests(KestrelSampleHostFactory host, Chromium chromium) : IClassFixture<KestrelSampleHostFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task An_allowed_pushed_request_is_found_on_decisions_by_its_intent_hash_and_opens_onto_its_records()
    {
        _ = host.Address;
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");
        request.Delivery.ShouldBe(DemoDelivery.PushedRequestObject);
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        // The client's redirect URI is not served here: the browser's arrival there is answered in place.
        var arrived = new List<string>();
        await page.RouteAsync(AuthorizationFlow.RedirectUri + "**", async route =>
        {
            arrived.Add(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<p>the client</p>" });
        });

        await page.GotoAsync(request.AuthorizationUrl.AbsoluteUri);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.Locator("input[name=Username]").FillAsync(AuthorizationFlow.Username);
        await page.Locator("input[name=Password]").FillAsync(AuthorizationFlow.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Consent\\?ticket="));
        var engine = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        (await page.Locator("#request-kid").InnerTextAsync()).ShouldBe(engine.KeyId);
        (await page.Locator("#request-alg").InnerTextAsync()).ShouldBe(engine.Algorithm);
        (await page.Locator("#intent-hash").InnerTextAsync()).ShouldBe(engine.IntentHash);
        await Chromium.ScreenshotAsync(page, "consent-signed-request");
        await page.Locator("button[value=allow]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(AuthorizationFlow.RedirectUri) + "\\?code="));
        arrived.ShouldHaveSingleItem();

        await page.GotoAsync(new Uri(host.Address, "/decisions").AbsoluteUri);
        await page.Locator("input[name=q]").FillAsync(engine.IntentHash!);
        await page.Locator("#search button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/decisions\\?q="));

        var trail = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.TrailId == engine.TrailId).OrderBy(r => r.Sequence).ToListAsync());
        var row = page.Locator("details.trail");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        (await row.GetAttributeAsync("data-trail")).ShouldBe(engine.TrailId);
        (await row.Locator("summary .client").InnerTextAsync()).ShouldBe("fapi2-client");
        (await row.Locator("summary .user").InnerTextAsync()).ShouldBe(AuthorizationFlow.Username);
        (await row.Locator("summary .outcome").InnerTextAsync()).ShouldBe(nameof(JarOutcome.Accepted));
        var records = row.Locator("table.records tbody tr");
        (await records.First.IsVisibleAsync()).ShouldBeFalse();

        await row.Locator("summary").ClickAsync();

        (await records.First.IsVisibleAsync()).ShouldBeTrue();
        (await records.CountAsync()).ShouldBe(trail.Count);
        (await records.Locator("td.step").AllInnerTextsAsync()).ShouldBe(trail.Select(r => r.Step.ToString()));
        (await records.First.Locator("td.intent code").GetAttributeAsync("title")).ShouldBe(engine.IntentHash);
        (await records.Last.Locator("td.step").InnerTextAsync()).ShouldBe(nameof(JarTrailStep.CodeIssued));
        await Chromium.ScreenshotAsync(page, "decisions-trail-by-intent");
    }
}
