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
/// Run on each database provider that can run here.
/// </summary>
public abstract class CodeFlowTests(SampleHostFactory host)
{
    [Fact]
    public async Task Strict_client_completes_the_code_flow_with_a_request_object_sent_by_value()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");

        request.Delivery.ShouldBe(DemoDelivery.RequestObjectByValue);
        var front = AuthorizationFlow.Query(request.AuthorizationUrl);
        front.Keys.Order().ShouldBe(["client_id", "request"]);
        front["request"].ToString().ShouldBe(request.RequestObject);

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
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

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile", "email", "offline_access"]);
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

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
        tokens.TryGetProperty("id_token", out _).ShouldBeTrue();
    }
}
