using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions;
using Jar.Testing.Browser;
using Microsoft.Playwright;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>
/// Chromium drives the sample client: sign in, the sample host's login and consent, and back to the client signed
/// in; the host's decision record of the pushed request object carries that object's SHA-256.
/// </summary>
public sealed class SampleClientInBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private readonly TwoApps _apps = new();

    [Fact]
    public async Task Signs_in_through_par_with_a_signed_request_object_and_private_key_jwt()
    {
        await using var browser = await chromium.NewPageAsync();
        var page = browser.Page;

        // A shared CI machine may be slow on the first request of each app; nothing here is a timed assertion.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);

        await page.GotoAsync(_apps.ClientUrl.AbsoluteUri);
        await page.ClickAsync("#signin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape($"{_apps.HostUrl}Account/Login")));
        await page.FillAsync("input[name=Username]", "alice");
        await page.FillAsync("input[name=Password]", "password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow", Exact = true }).ClickAsync();

        await page.WaitForSelectorAsync("#signed-in");
        page.Url.ShouldBe(_apps.ClientUrl.AbsoluteUri);
        var claims = await page.Locator("#claims tr").AllInnerTextsAsync();
        claims.ShouldContain("sub\talice");
        claims.ShouldContain("aud\tsample-client");
        claims.ShouldContain($"iss\t{_apps.HostUrl}");

        // Exactly one object was pushed, and the server recorded it, accepted, under its hash.
        var requestObject = _apps.Pushed.ShouldHaveSingleItem();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestObject)));
        var record = (await _apps.Host.DecisionsForAsync(requestObject)).ShouldHaveSingleItem();
        record.ClientId.ShouldBe("sample-client");
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        record.KeyId.ShouldBe("sample-client-demo-1");
        record.Algorithm.ShouldBe("PS256");

        // The host's audit page, in the same browser (signed in there as alice), shows the records with that hash: the
        // decision on the object and the later records of its trail (hops, consent, code, redemption), all sample-client's.
        await page.GotoAsync($"{_apps.HostUrl}decisions?object={hash}");
        var trail = page.Locator("details.trail");
        (await trail.Locator("summary .client").AllInnerTextsAsync()).ShouldBe(["sample-client"]);
        await trail.Locator("summary").ClickAsync();
        (await trail.Locator($"tr:has(td.object code[title='{hash}'])").CountAsync()).ShouldBeGreaterThan(1);
    }

    public void Dispose() => _apps.Dispose();
}
