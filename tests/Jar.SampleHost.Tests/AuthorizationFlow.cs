using AngleSharp.Dom;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Jar.SampleHost.Demo;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Jar.SampleHost.Tests;

/// <summary>The user's side of an authorization code flow on the sample host: each step checked as it happens.</summary>
public static class AuthorizationFlow
{
    public const string Username = "alice";
    public const string Password = "password";
    public const string RedirectUri = "http://127.0.0.1:5080/callback";

    /// <summary>Starts a request for <paramref name="clientId"/> the way the demo-request command does.</summary>
    public static async Task<DemoAuthorizationRequest> StartAsync(SampleHostFactory host, string clientId, DemoDelivery? delivery = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var client = await scope.ServiceProvider.GetRequiredService<DemoClients>().CreateAsync(clientId, CancellationToken.None);
        return await client.StartAsync(delivery, CancellationToken.None);
    }

    /// <summary>
    /// Opens the authorization URL, signs in on the login form, and answers the consent page with
    /// <paramref name="decision"/>. Returns the consent page and the redirect to the client.
    /// </summary>
    public static async Task<(IHtmlDocument Consent, Uri Redirect)> AuthorizeAsync(Browser browser, Uri authorizationUrl, string decision)
    {
        var (consent, answered) = await SignInAndDecideAsync(browser, Browser.Location(await browser.GetAsync(authorizationUrl)), decision);
        return (consent, Browser.Location(answered));
    }

    /// <summary>
    /// The user's side after the authorization endpoint accepted a request and redirected to <paramref name="accepted"/>:
    /// signs in on the login form and answers the consent page with <paramref name="decision"/>. Returns the consent
    /// page and the authorization endpoint's answer to that decision.
    /// </summary>
    public static async Task<(IHtmlDocument Consent, HttpResponseMessage Answer)> SignInAndDecideAsync(Browser browser, Uri accepted, string decision)
    {
        // The accepted request is cached and the browser sent to it by request_uri (a pushed one already is).
        var location = accepted;
        if (location.AbsolutePath == "/connect/authorize")
        {
            Query(location).ContainsKey("request_uri").ShouldBeTrue();
            Query(location).ContainsKey("request").ShouldBeFalse();
            location = Browser.Location(await browser.GetAsync(location));
        }

        location.AbsolutePath.ShouldBe("/Account/Login");
        var login = await browser.GetAsync(location);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var loginForm = (await Browser.ReadPageAsync(login)).QuerySelector<IHtmlFormElement>("form.stack").ShouldNotBeNull();
        var signedIn = await browser.SubmitAsync(loginForm, Browser.Local(location), new Dictionary<string, string>
        {
            ["Username"] = Username,
            ["Password"] = Password,
        });
        var back = Browser.Location(signedIn);
        back.OriginalString.ShouldStartWith("/connect/authorize?");

        var toConsent = Browser.Location(await browser.GetAsync(back));
        toConsent.OriginalString.ShouldStartWith("/Consent?ticket=");
        var consentResponse = await browser.GetAsync(toConsent);
        consentResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var consent = await Browser.ReadPageAsync(consentResponse);
        var form = consent.QuerySelector<IHtmlFormElement>("main form").ShouldNotBeNull();
        var button = form.QuerySelector($"button[name=consent][value={decision}]").ShouldNotBeNull();
        var answered = await browser.SubmitAsync(form, Browser.Local(toConsent), button: button);
        return (consent, answered);
    }

    /// <summary>
    /// Runs the user's side to the end with consent allowed, checks the answer at the redirect URI, and redeems the
    /// code on the /callback page. Returns the token response.
    /// </summary>
    public static async Task<JsonElement> CompleteAsync(SampleHostFactory host, DemoAuthorizationRequest request, string[] expectedScopes, Action<IHtmlDocument>? onConsent = null)
    {
        using var browser = host.CreateBrowser();
        var (consent, redirect) = await AuthorizeAsync(browser, request.AuthorizationUrl, "allow");
        onConsent?.Invoke(consent);

        // The consent page shows the client, the scopes it asked for inside its request, and where the answer goes.
        var shown = consent.QuerySelector("main dl").ShouldNotBeNull();
        shown.TextContent.ShouldContain($"({request.ClientId})");
        shown.QuerySelectorAll("ul.tags li").Select(li => li.TextContent).ShouldBe(expectedScopes);
        shown.TextContent.ShouldContain(RedirectUri);

        // The answer goes to the registered redirect URI with a code, the same state and this issuer (RFC 9207).
        redirect.GetLeftPart(UriPartial.Path).ShouldBe(RedirectUri);
        var answer = Query(redirect);
        answer["state"].ToString().ShouldBe(request.State);
        answer["iss"].ToString().ShouldBe(SampleHostFactory.Issuer);
        var code = answer["code"].ToString();
        code.ShouldNotBeNullOrEmpty();
        answer.ContainsKey("error").ShouldBeFalse();

        // The /callback page shows the code and redeems it with the client's credentials and PKCE verifier.
        var callback = await browser.GetAsync(redirect);
        callback.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browser.ReadPageAsync(callback);
        page.QuerySelector("#code")!.TextContent.ShouldBe(code);
        var redeem = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Redeem']").ShouldNotBeNull();
        var redeemed = await browser.SubmitAsync(redeem, Browser.Local(redirect));
        redeemed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await Browser.ReadPageAsync(redeemed);
        result.QuerySelector("#token-status").ShouldNotBeNull().TextContent.ShouldBe("200");
        var tokens = JsonDocument.Parse(result.QuerySelector("#token-response")!.TextContent).RootElement.Clone();
        tokens.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
        tokens.GetProperty("token_type").GetString().ShouldBe("Bearer");
        tokens.GetProperty("scope").GetString()!.Split(' ').Order().ShouldBe(expectedScopes.Order());

        // A code is single-use (RFC 6749 §4.1.2): the verifier kept for this state is gone once redeemed.
        await using var scope = host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PendingAuthorizationStore>().FindAsync(request.State, CancellationToken.None)).ShouldBeNull();
        return tokens;
    }

    public static Dictionary<string, StringValues> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.IsAbsoluteUri ? url.Query : new Uri(new Uri("http://localhost"), url).Query);
}
