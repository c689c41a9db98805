using Duende.IdentityModel.Client;
using Jar.IdentityServer.Extensions.Client.IdentityModel;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>Duende.IdentityModel's PushedAuthorizationRequest, sent through the adapter to the sample host.</summary>
public sealed class IdentityModelAdapterTests(IdentityModelAdapterTests.Host host) : IClassFixture<IdentityModelAdapterTests.Host>
{
    public sealed class Host : SampleHost;

    [Fact]
    public async Task Pushes_a_duende_request_as_a_signed_request_object()
    {
        using var http = host.BackChannel();
        var jar = new JarClient(http, new JarClientOptions { ClientId = "fapi2-client", Issuer = host.Issuer, Keys = DemoKeys.SetFor("fapi2-client") });
        var pkce = Pkce.Create();

        var request = await new PushedAuthorizationRequest
        {
            ResponseType = "code",
            Scope = "openid profile",
            RedirectUri = "http://127.0.0.1:5080/callback",
            State = "s-1",
            CodeChallenge = pkce.Challenge,
            CodeChallengeMethod = "S256",
            MaxAge = 600,
        }.WithSignedRequestObjectAsync(jar);
        var response = await http.PushAuthorizationAsync(request);

        response.IsError.ShouldBeFalse(response.Error + " " + response.TryGet("error_description"));
        response.RequestUri.ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        var inside = new JsonWebToken(request.Request);
        inside.GetPayloadValue<string>("state").ShouldBe("s-1");
        inside.GetPayloadValue<long>("max_age").ShouldBe(600);
        request.ResponseType.ShouldBeNull();
        request.Address.ShouldBe("http://localhost/connect/par");
    }

    [Fact]
    public async Task A_refusal_carries_the_rule_id_in_its_description()
    {
        using var http = host.BackChannel();
        var jar = new JarClient(http, new JarClientOptions { ClientId = "fapi2-client", Issuer = host.Issuer, Keys = DemoKeys.SetFor("fapi2-client") });

        var response = await http.PushAuthorizationAsync(await new PushedAuthorizationRequest
        {
            ResponseType = "code",
            Scope = "openid",
            RedirectUri = "http://127.0.0.1:5080/callback",
        }.WithSignedRequestObjectAsync(jar));

        response.IsError.ShouldBeTrue();
        response.Error.ShouldBe("invalid_request");
        JarServerRefusal.ParseRuleId(response.TryGet("error_description")).ShouldBe("JAR603");
    }
}
