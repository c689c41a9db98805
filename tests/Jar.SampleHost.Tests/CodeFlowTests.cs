using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Jar.SampleHost.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The full authorization code flow of each demo client, as a user and the demo client run it: login, consent,
/// redirect to /callback with a code, and the code redeemed at /connect/token with the client's own credentials.
/// </summary>
public sealed class CodeFlowTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Strict_client_completes_the_code_flow_with_a_request_object_sent_by_value()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");

        request.Delivery.ShouldBe(DemoDelivery.RequestObjectByValue);
        var front = AuthorizationFlow.Query(request.AuthorizationUrl);
        front.Keys.Order().ShouldBe(["client_id", "request"]);
        front["request"].ToString().ShouldBe(request.RequestObject);

        var tokens = await CompleteAsync(request, expectedScopes: ["openid", "profile"]);
        tokens.TryGetProperty("id_token", out _).ShouldBeTrue();
        tokens.TryGetProperty("refresh_token", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Fapi2_client_completes_the_code_flow_with_a_request_object_pushed_to_par()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");

        request.Delivery.ShouldBe(DemoDelivery.PushedRequestObject);
        request.RequestObject.ShouldNotBeNull();
        request.RequestUri.ShouldNotBeNull().ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        request.ExpiresIn.ShouldNotBeNull().ShouldBeInRange(1, 599); // FAPI 2.0 Security Profile §5.3.2.2-12
        var front = AuthorizationFlow.Query(request.AuthorizationUrl);
        front.Keys.Order().ShouldBe(["client_id", "request_uri"]);

        var tokens = await CompleteAsync(request, expectedScopes: ["openid", "profile", "email", "offline_access"]);
        tokens.TryGetProperty("refresh_token", out _).ShouldBeTrue();

        // The access token is good at the UserInfo endpoint, with the claims its scopes allow.
        using var http = host.CreateClient();
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(userInfo);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        claims.RootElement.GetProperty("sub").GetString().ShouldBe("alice");
        claims.RootElement.GetProperty("email").GetString().ShouldBe("alice@example.test");
    }

    [Fact]
    public async Task Public_client_completes_the_code_flow_with_pkce_alone()
    {
        var request = await AuthorizationFlow.StartAsync(host, "public-client");

        request.Delivery.ShouldBe(DemoDelivery.Query);
        request.RequestObject.ShouldBeNull();
        var front = AuthorizationFlow.Query(request.AuthorizationUrl);
        front.ContainsKey("request").ShouldBeFalse();
        front["code_challenge_method"].ToString().ShouldBe("S256");
        front["code_challenge"].ToString().Length.ShouldBe(43);

        var tokens = await CompleteAsync(request, expectedScopes: ["openid", "profile"]);
        tokens.TryGetProperty("id_token", out _).ShouldBeTrue();
    }

    private async Task<JsonElement> CompleteAsync(DemoAuthorizationRequest request, string[] expectedScopes)
    {
        using var browser = host.CreateBrowser();
        var (consent, redirect) = await AuthorizationFlow.AuthorizeAsync(browser, request.AuthorizationUrl, "allow");

        // The consent page shows the client, the scopes it asked for inside its request, and where the answer goes.
        consent.QuerySelector("h1")!.TextContent.ShouldContain(request.ClientId == "public-client" ? "Public client" : "client");
        consent.QuerySelectorAll("ul.tags li").Select(li => li.TextContent).ShouldBe(expectedScopes);
        consent.QuerySelector("dl")!.TextContent.ShouldContain(AuthorizationFlow.RedirectUri);

        // The answer goes to the registered redirect URI with a code, the same state and this issuer (RFC 9207).
        redirect.GetLeftPart(UriPartial.Path).ShouldBe(AuthorizationFlow.RedirectUri);
        var answer = AuthorizationFlow.Query(redirect);
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
}
