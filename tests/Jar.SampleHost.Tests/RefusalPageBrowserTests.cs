using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Demo;
using Jar.Testing.Browser;
using Microsoft.AspNetCore.WebUtilities;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Jar.SampleHost.Tests;

/// <summary>
/// What a person sees when the host refuses an authorization request, in a real browser (Debian's Chromium through
/// Playwright) against the host on a real socket: a page with status 400, no navigation to the client, the error
/// code and the rule linked to its row of the rule catalogue, and for a signed-in operator the decision record.
/// Screenshots are kept under TestResults/screenshots of this project.
/// </summary>
public sealed class RefusalPageBrowserTests(KestrelSampleHostFactory host, Chromium chromium) : IClassFixture<KestrelSampleHostFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_tampered_request_object_shows_a_400_page_with_the_error_and_rule_JAR205_and_never_reaches_the_client()
    {
        var url = await TamperedRequestAsync();
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var response = (await page.GotoAsync(url.AbsoluteUri)).ShouldNotBeNull();

        response.Status.ShouldBe(400);
        (await response.HeaderValueAsync("content-type")).ShouldNotBeNull().ShouldStartWith("text/html");
        page.Url.ShouldBe(url.AbsoluteUri);
        requested.ShouldNotContain(r => r.StartsWith(AuthorizationFlow.RedirectUri, StringComparison.Ordinal));
        requested.ShouldAllBe(r => r.StartsWith(host.Address.AbsoluteUri, StringComparison.Ordinal));
        (await page.TitleAsync()).ShouldStartWith("Authorization request refused");
        (await page.Locator("[data-oauth=error]").InnerTextAsync()).ShouldBe(JarErrors.InvalidRequestObject);
        (await page.Locator("[data-oauth=error_description]").InnerTextAsync()).ShouldEndWith($"(rule {JarRules.SignatureInvalid.Id})");
        (await page.Locator("[data-oauth=client_id]").InnerTextAsync()).ShouldBe("strict-client");
        (await page.Locator("[data-oauth=request_id]").InnerTextAsync()).ShouldMatch("^[0-9a-f]{32} ");
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain(JarRules.SignatureInvalid.Name);
        text.ShouldContain("sign in to see the decision record");
        await Chromium.ScreenshotAsync(page, "refusal-page-JAR205");

        // The rule links to its own row of the catalogue, served by the host.
        await page.Locator("#rule-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.Address, $"/rules#{JarRules.SignatureInvalid.Id}").AbsoluteUri);
        var row = page.Locator($"tr[id={JarRules.SignatureInvalid.Id}]");
        (await row.InnerTextAsync()).ShouldContain(JarRules.SignatureInvalid.Name);
        (await row.InnerTextAsync()).ShouldContain(JarErrors.InvalidRequestObject);
        (await page.Locator("tr:target").GetAttributeAsync("id")).ShouldBe(JarRules.SignatureInvalid.Id);
        (await row.IsVisibleAsync()).ShouldBeTrue();
        await Chromium.ScreenshotAsync(page, "rules-JAR205");
    }

    [Fact]
    public async Task A_signed_in_operator_follows_the_refusal_page_to_its_decision_record()
    {
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync(new Uri(host.Address, "/Account/Login").AbsoluteUri);
        await page.Locator("input[name=Username]").FillAsync("alice");
        await page.Locator("input[name=Password]").FillAsync("password");
        await page.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host.Address, "/").AbsoluteUri);
        var url = await TamperedRequestAsync();

        var response = (await page.GotoAsync(url.AbsoluteUri)).ShouldNotBeNull();

        response.Status.ShouldBe(400);
        await Chromium.ScreenshotAsync(page, "refusal-page-signed-in");
        await page.Locator("#record-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/decisions\\?client=strict-client&object=[0-9a-f]{64}$"));
        var trails = page.Locator("details.trail");
        await Assertions.Expect(trails).ToHaveCountAsync(1);
        (await trails.Locator("summary .outcome").InnerTextAsync()).ShouldBe(nameof(JarOutcome.Refused));
        (await trails.Locator("summary .rules").InnerTextAsync()).ShouldBe(JarRules.SignatureInvalid.Id);
        (await trails.Locator("summary .client").InnerTextAsync()).ShouldBe("strict-client");
        await trails.Locator("summary").ClickAsync();
        var rows = trails.Locator("table.records tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        (await rows.Locator("td.rules a").GetAttributeAsync("href")).ShouldBe($"/rules#{JarRules.SignatureInvalid.Id}");
    }

    // A by-value request of strict-client whose request object's signature no longer matches (one character of the
    // signature changed, still valid base64url): refused with JAR205 before anything else is read.
    private async Task<Uri> TamperedRequestAsync()
    {
        _ = host.Address;
        var request = await AuthorizationFlow.StartAsync(host, "strict-client", DemoDelivery.RequestObjectByValue);
        var parts = request.RequestObject.ShouldNotBeNull().Split('.');
        parts[2] = (parts[2][0] == 'A' ? "B" : "A") + parts[2][1..];
        var query = AuthorizationFlow.Query(request.AuthorizationUrl);
        query["request"] = string.Join('.', parts);
        return new Uri(QueryHelpers.AddQueryString(request.AuthorizationUrl.GetLeftPart(UriPartial.Path), query));
    }
}
