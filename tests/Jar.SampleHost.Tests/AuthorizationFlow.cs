using AngleSharp.Dom;
using System.Net;
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
        // The accepted request is cached and the browser sent to it by request_uri (a pushed one already is).
        var response = await browser.GetAsync(authorizationUrl);
        var location = Browser.Location(response);
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
        return (consent, Browser.Location(answered));
    }

    public static Dictionary<string, StringValues> Query(Uri url) =>
        QueryHelpers.ParseQuery(url.IsAbsoluteUri ? url.Query : new Uri(new Uri("http://localhost"), url).Query);
}
