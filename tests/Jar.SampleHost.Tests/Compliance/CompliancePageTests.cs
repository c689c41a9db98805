using Jar.Testing.Browser;

namespace Jar.SampleHost.Tests.Compliance;

/// <summary>
/// The /compliance page in Chromium: after sign-in it shows both charts as inline SVG drawn by the host (one bar per
/// refusing rule and client), nothing loaded from elsewhere; the screenshot is kept under TestResults/screenshots.
/// </summary>
public sealed class CompliancePageTests(KestrelSampleHostFactory host, Chromium chromium) : IClassFixture<KestrelSampleHostFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Compliance_page_renders_the_refusal_charts_from_the_hosts_own_decisions()
    {
        var address = host.Address;
        using (var http = new HttpClient { BaseAddress = address })
        {
            // Two refusals of fapi2-client (PAR required, JAR602) and one of strict-client (request object required, JAR601).
            foreach (var client in (string[])["fapi2-client", "fapi2-client", "strict-client"])
            {
                using var refused = await http.GetAsync(new Uri($"connect/authorize?client_id={client}&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1%3A5080%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256", UriKind.Relative));
                refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
            }
        }

        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address.ToString(), StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(address, "compliance").ToString());
        await page.FillAsync("input[name=Username]", AuthorizationFlow.Username);
        await page.FillAsync("input[name=Password]", AuthorizationFlow.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("svg#refusals-per-client");

        new Uri(page.Url).AbsolutePath.ShouldBe("/compliance");
        (await page.Locator("svg#refusals-per-rule rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.rule)")).Distinct().Order().ShouldBe(["JAR601", "JAR602"]);
        (await page.Locator("svg#refusals-per-client rect.bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.client)")).ShouldBe(["fapi2-client", "strict-client"]);
        (await page.Locator("svg#refusals-per-client rect.bar[data-client=fapi2-client] title").TextContentAsync()).ShouldBe("fapi2-client: 2");
        var decisions = await page.Locator("#client-fapi2-client p.decisions").TextContentAsync();
        decisions.ShouldStartWith("Decisions: 0 accepted, 0 report-only, 2 refused (");
        decisions.ShouldContain("JAR602: 2");
        (await page.Locator("svg#refusals-per-client").BoundingBoxAsync()).ShouldNotBeNull().Width.ShouldBeGreaterThan(100);
        outside.ShouldBeEmpty();

        Directory.CreateDirectory(Chromium.ScreenshotDirectory);
        var screenshot = Path.Combine(Chromium.ScreenshotDirectory, "compliance-page.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        new FileInfo(screenshot).Length.ShouldBeGreaterThan(10_000);
    }
}
