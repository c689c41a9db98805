using System.Net;
using System.Text.Json;

namespace Jar.SampleHost.Tests;

/// <summary>What a visitor and a client see before any flow: the home page and the metadata.</summary>
public sealed class HomeAndDiscoveryTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Home_page_lists_each_demo_client_with_its_profile_and_its_demo_request_command()
    {
        using var browser = host.CreateBrowser();

        var response = await browser.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Browser.ReadPageAsync(response);
        page.QuerySelector("a[href='/.well-known/openid-configuration']").ShouldNotBeNull();
        var cards = page.QuerySelectorAll("section.card").Select(c => c.TextContent).ToArray();
        cards.Length.ShouldBe(6);
        cards[0].ShouldContain("encrypting-client");
        cards[0].ShouldContain("encryption required (RSA-OAEP-256)");
        cards[0].ShouldContain("signed request object encrypted to the server (RSA-OAEP-256, A256GCM) by value");
        cards[1].ShouldContain("fapi2-client");
        cards[1].ShouldContain("fapi2-message-signing");
        cards[1].ShouldContain("PAR required");
        cards[1].ShouldContain("dotnet run --project host-sample/Jar.SampleHost -- demo-request fapi2-client");
        cards[1].ShouldNotContain("encryption required");
        cards[2].ShouldContain("public-client");
        cards[2].ShouldContain("none (public client, PKCE)");
        cards[2].ShouldContain("request object optional");
        cards[3].ShouldContain("rollout-client");
        cards[3].ShouldContain("PAR required");
        cards[3].ShouldContain("algorithms ES256, PS256");
        cards[3].ShouldContain("jti required");
        page.QuerySelectorAll("section.card dd.mode")[3].TextContent.ShouldStartWith("ReportOnly");
        page.QuerySelectorAll("section.card dd.mode")[5].TextContent.ShouldBe("Enforce");
        cards[4].ShouldContain("sample-client");
        cards[4].ShouldContain("fapi2-message-signing");
        cards[4].ShouldContain("dotnet run --project host-sample/Jar.SampleClient");
        cards[4].ShouldNotContain("demo-request sample-client");
        cards[5].ShouldContain("strict-client");
        cards[5].ShouldContain("request object required");
        cards[5].ShouldContain("private_key_jwt");

        // The two pages a person walking the flow opens next.
        page.QuerySelector("a#decisions-link")!.GetAttribute("href").ShouldBe("/decisions");
        page.QuerySelector("a#policies-link")!.GetAttribute("href").ShouldBe("/policies");
    }

    [Fact]
    public async Task Discovery_advertises_the_endpoints_request_objects_and_S256_only()
    {
        using var http = host.CreateClient();

        using var document = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration"));

        var metadata = document.RootElement;
        metadata.GetProperty("issuer").GetString().ShouldBe(SampleHostFactory.Issuer);
        metadata.GetProperty("authorization_endpoint").GetString().ShouldBe("http://localhost/connect/authorize");
        metadata.GetProperty("pushed_authorization_request_endpoint").GetString().ShouldBe("http://localhost/connect/par");
        metadata.GetProperty("token_endpoint").GetString().ShouldBe("http://localhost/connect/token");
        metadata.GetProperty("userinfo_endpoint").GetString().ShouldBe("http://localhost/connect/userinfo");
        metadata.GetProperty("request_parameter_supported").GetBoolean().ShouldBeTrue();
        metadata.GetProperty("request_object_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()).ShouldBe(["ES256", "PS256"]);
        metadata.GetProperty("request_object_encryption_alg_values_supported").EnumerateArray().Select(a => a.GetString()).ShouldBe(["ECDH-ES", "RSA-OAEP-256"]);
        metadata.GetProperty("request_object_encryption_enc_values_supported").EnumerateArray().Select(a => a.GetString()).ShouldBe(["A256GCM"]);
        metadata.GetProperty("jwks_uri").GetString().ShouldBe("http://localhost/.well-known/jwks");
        metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(a => a.GetString()).ShouldBe(["S256"]);
        metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(a => a.GetString()).ShouldContain("private_key_jwt");
    }
}
