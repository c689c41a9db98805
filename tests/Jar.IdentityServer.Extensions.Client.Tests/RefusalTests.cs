using System.Net;
using Jar.IdentityServer.Extensions.Client.Authentication;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>A refusal per demo client's policy, answered at PAR and handed to the caller typed, with the server's rule id.</summary>
public sealed class RefusalTests(RefusalTests.Host host) : IClassFixture<RefusalTests.Host>
{
    public sealed class Host : SampleHost;

    [Theory]
    [InlineData("strict-client")]
    [InlineData("rollout-client")]
    [InlineData("fapi2-client")]
    public async Task Rejects_request_object_signed_with_a_key_the_server_does_not_know(string clientId)
    {
        // The assertion is signed with the registered key, the object with another: the object is what is refused.
        using var http = host.BackChannel();
        var registered = DemoKeys.SetFor(clientId);
        var stranger = new ClientKeySet(registered.Keys[0].Algorithm == JarAlgorithms.ES256 ? ClientSigningKey.GenerateEcdsa("stranger") : ClientSigningKey.GenerateRsa("stranger"));
        var client = new JarClient(http, new JarClientOptions
        {
            ClientId = clientId,
            Issuer = host.Issuer,
            Keys = stranger,
            Authentication = ClientAuthentication.PrivateKeyJwt(registered),
        });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(ClientLibraryAgainstSampleHostTests.Parameters(clientId)));

        refused.Refusal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Error.ShouldBe("invalid_request_object");
        refused.RuleId.ShouldBe("JAR203");
        refused.Endpoint.AbsolutePath.ShouldBe("/connect/par");
    }

    [Theory]
    [InlineData("fapi2-client")]
    [InlineData("sample-client")]
    [InlineData("strict-client")]
    public async Task Rejects_request_object_without_pkce_where_the_policy_requires_it(string clientId)
    {
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = clientId, Issuer = host.Issuer, Keys = DemoKeys.SetFor(clientId) });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(ClientLibraryAgainstSampleHostTests.Parameters(clientId, p =>
        {
            p.Remove("code_challenge");
            p.Remove("code_challenge_method");
        })));

        refused.Refusal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Error.ShouldBe("invalid_request");
        refused.RuleId.ShouldBe("JAR603");
    }

    [Fact]
    public async Task Rejects_a_signed_only_request_object_of_a_client_that_must_encrypt()
    {
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = "encrypting-client", Issuer = host.Issuer, Keys = DemoKeys.SetFor("encrypting-client") });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(ClientLibraryAgainstSampleHostTests.Parameters("encrypting-client")));

        refused.Error.ShouldBe("invalid_request_object");
        refused.RuleId.ShouldBe("JAR612");
    }

    [Fact]
    public async Task Rejects_ecdh_es_for_a_client_whose_policy_allows_only_rsa_oaep_256()
    {
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = "encrypting-client", Issuer = host.Issuer, Keys = DemoKeys.SetFor("encrypting-client"), Encryption = RequestObjectEncryption.EcdhEs });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(ClientLibraryAgainstSampleHostTests.Parameters("encrypting-client")));

        refused.Error.ShouldBe("invalid_request_object");
        refused.RuleId.ShouldBe("JAR208");
    }

    [Fact]
    public async Task Rejects_a_response_type_the_fapi2_profile_does_not_allow()
    {
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = "sample-client", Issuer = host.Issuer, Keys = DemoKeys.SetFor("sample-client") });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(ClientLibraryAgainstSampleHostTests.Parameters("sample-client", p => p["response_type"] = "token")));

        refused.Refusal.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Error.ShouldBe("unsupported_response_type");
        refused.RuleId.ShouldBe("JAR609");
    }
}
