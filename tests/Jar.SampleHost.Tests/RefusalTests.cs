using AngleSharp.Dom;
using System.Net;
using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Demo;
using Jar.Testing;

namespace Jar.SampleHost.Tests;

/// <summary>What the host refuses, and how: locally when the request is not proven, by redirect when the user says no.</summary>
public sealed class RefusalTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Fapi2_client_request_object_by_value_without_par_is_refused_with_invalid_request_JAR602_and_not_redirected()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client", DemoDelivery.RequestObjectByValue);
        AuthorizationFlow.Query(request.AuthorizationUrl).ContainsKey("request").ShouldBeTrue();
        using var browser = host.CreateBrowser();

        var response = await browser.GetAsync(request.AuthorizationUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        var answer = await Jar.Testing.EndpointAnswer.ReadAsync(response);
        answer.MediaType.ShouldBe("text/html");
        answer.Error.ShouldBe("invalid_request");
        answer.ErrorDescription.ShouldNotBeNull().ShouldEndWith("(rule JAR602)");
        answer.Body.ShouldNotContain(request.State);

        // The refusal is recorded with the rule, and the exact object by its SHA-256; its jti was not consumed.
        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Refused);
        record.RuleIds.ShouldBe("JAR602");
        record.Endpoint.ShouldBe(JarEndpoint.Authorization);
        record.ClientId.ShouldBe("fapi2-client");
        record.Profile.ShouldBe("fapi2-message-signing");
        record.RequestObjectHash.ShouldBe(Stores.Sha256Hex(request.RequestObject!));
        record.JwtId.ShouldBe(Stores.Claim(request.RequestObject!, "jti"));
        record.KeyId.ShouldBe("fapi2-client-demo-1");
        record.Algorithm.ShouldBe("PS256");
        (await Stores.ReplayEntryExistsAsync(host, "fapi2-client", record.JwtId!)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_client_that_accepts_json_gets_the_refusal_as_an_oauth_error_object_with_the_rule_as_error_uri()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client", DemoDelivery.RequestObjectByValue);
        using var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var message = new HttpRequestMessage(HttpMethod.Get, request.AuthorizationUrl);
        message.Headers.Accept.ParseAdd("application/json");

        using var response = await client.SendAsync(message);

        var answer = await Jar.Testing.EndpointAnswer.ReadAsync(response);
        answer.ShouldBeJsonError(400, "invalid_request", "JAR602");
        answer.Parameters["error_uri"].ShouldBe("http://localhost/rules#JAR602");
        answer.Parameters.Keys.Order().ShouldBe(["error", "error_description", "error_uri"]);
        answer.CacheControl.ShouldBe("no-store");
    }

    [Fact]
    public async Task Denying_consent_redirects_to_the_client_with_access_denied_the_state_and_no_code()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        using var browser = host.CreateBrowser();

        var (_, redirect) = await AuthorizationFlow.AuthorizeAsync(browser, request.AuthorizationUrl, "deny");

        redirect.GetLeftPart(UriPartial.Path).ShouldBe(AuthorizationFlow.RedirectUri);
        var answer = AuthorizationFlow.Query(redirect);
        answer["error"].ToString().ShouldBe("access_denied");
        answer["state"].ToString().ShouldBe(request.State);
        answer["iss"].ToString().ShouldBe(SampleHostFactory.Issuer);
        answer.ContainsKey("code").ShouldBeFalse();

        // The callback page shows the refusal and offers nothing to redeem.
        var callback = await Browser.ReadPageAsync(await browser.GetAsync(redirect));
        callback.QuerySelector("[role=alert]")!.TextContent.ShouldContain("error=access_denied");
        callback.QuerySelector("form[action*='handler=Redeem']").ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_password_is_refused_on_the_login_page_and_signs_nobody_in()
    {
        using var browser = host.CreateBrowser();
        var login = new Uri("/Account/Login", UriKind.Relative);
        var form = (await Browser.ReadPageAsync(await browser.GetAsync(login))).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.stack")!;

        var response = await browser.SubmitAsync(form, login, new Dictionary<string, string> { ["Username"] = "alice", ["Password"] = "wrong" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Browser.ReadPageAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldBe("Unknown user name or wrong password.");
        var home = await Browser.ReadPageAsync(await browser.GetAsync(new Uri("/", UriKind.Relative)));
        home.QuerySelector("header a[href='/Account/Login']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_consent_ticket_that_was_altered_is_refused_with_400()
    {
        var request = await AuthorizationFlow.StartAsync(host, "public-client");
        using var browser = host.CreateBrowser();
        var toLogin = Browser.Location(await browser.GetAsync(Browser.Location(await browser.GetAsync(request.AuthorizationUrl))));
        var form = (await Browser.ReadPageAsync(await browser.GetAsync(toLogin))).QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form.stack")!;
        var back = Browser.Location(await browser.SubmitAsync(form, Browser.Local(toLogin), new Dictionary<string, string> { ["Username"] = "alice", ["Password"] = "password" }));
        var consent = Browser.Location(await browser.GetAsync(back)).OriginalString;

        var altered = consent[..^4] + (consent[^4] == 'A' ? 'B' : 'A') + consent[^3..];
        var response = await browser.GetAsync(new Uri(altered, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Browser.ReadPageAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("This consent request is not valid");
        page.QuerySelector("form button[name=consent]").ShouldBeNull();
    }
}
