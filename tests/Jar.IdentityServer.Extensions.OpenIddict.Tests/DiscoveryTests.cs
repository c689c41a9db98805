using System.Text.Json;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>What the server advertises (RFC 8414 §2, RFC 9101 §9.2, RFC 9126 §5).</summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class DiscoveryTests(OpenIddictHostFixture host)
{
    [Fact]
    public async Task Advertises_request_objects_their_algorithms_PAR_and_S256_only()
    {
        using var response = await host.Http.GetAsync(new Uri(".well-known/openid-configuration", UriKind.Relative));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var metadata = document.RootElement;

        metadata.GetProperty("issuer").GetString().ShouldBe(host.Issuer);
        metadata.GetProperty("request_parameter_supported").GetBoolean().ShouldBeTrue();
        Strings(metadata, "request_object_signing_alg_values_supported").ShouldBe(["ES256", "PS256"]);
        Strings(metadata, "code_challenge_methods_supported").ShouldBe(["S256"]);
        metadata.GetProperty("pushed_authorization_request_endpoint").GetString().ShouldBe(host.Issuer + "connect/par");
        metadata.GetProperty("require_pushed_authorization_requests").GetBoolean().ShouldBeFalse();
        metadata.TryGetProperty("require_signed_request_object", out _).ShouldBeFalse(); // the default profile does not require them
    }

    private static string[] Strings(JsonElement metadata, string name) =>
        metadata.GetProperty(name).EnumerateArray().Select(static e => e.GetString()!).ToArray();
}
