using System.Net;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.Client.Authentication;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>
/// The client library against the sample host's real pipeline: every demo client whose policy allows it, through
/// PAR and by value; the host's answer is the login redirect, and its decision record names the object's hash.
/// </summary>
public sealed class ClientLibraryAgainstSampleHostTests(ClientLibraryAgainstSampleHostTests.Host host) : IClassFixture<ClientLibraryAgainstSampleHostTests.Host>
{
    public sealed class Host : SampleHost;

    public static TheoryData<string, RequestObjectEncryption> PushingClients => new()
    {
        { "fapi2-client", RequestObjectEncryption.None },
        { "strict-client", RequestObjectEncryption.None },
        { "strict-client", RequestObjectEncryption.EcdhEs },
        { "rollout-client", RequestObjectEncryption.None },
        { "encrypting-client", RequestObjectEncryption.RsaOaep256 },
        { "sample-client", RequestObjectEncryption.None },
    };

    // fapi2-client, rollout-client and sample-client require PAR; the others take an object by value.
    public static TheoryData<string, RequestObjectEncryption> ByValueClients => new()
    {
        { "strict-client", RequestObjectEncryption.None },
        { "strict-client", RequestObjectEncryption.RsaOaep256 },
        { "strict-client", RequestObjectEncryption.EcdhEs },
        { "encrypting-client", RequestObjectEncryption.RsaOaep256 },
    };

    [Theory]
    [MemberData(nameof(PushingClients))]
    public async Task Pushes_a_signed_request_object_the_server_accepts(string clientId, RequestObjectEncryption encryption)
    {
        using var http = host.BackChannel();
        var client = Client(http, clientId, encryption);

        var pushed = await client.PushAsync(Parameters(clientId));

        pushed.RequestUri.ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        pushed.ExpiresIn.ShouldBeGreaterThan(TimeSpan.Zero);
        pushed.AuthorizationUrl.GetLeftPart(UriPartial.Path).ShouldBe("http://localhost/connect/authorize");
        pushed.AuthorizationUrl.Query.ShouldBe($"?client_id={clientId}&request_uri={Uri.EscapeDataString(pushed.RequestUri)}");
        (await host.DecisionsForAsync(pushed.RequestObject)).ShouldHaveSingleItem().Outcome.ShouldBeOneOf(JarOutcome.Accepted, JarOutcome.ReportOnly);
        await ShouldReachLoginAsync(http, pushed.AuthorizationUrl);
    }

    [Theory]
    [MemberData(nameof(ByValueClients))]
    public async Task Sends_a_signed_request_object_by_value_that_the_server_accepts(string clientId, RequestObjectEncryption encryption)
    {
        using var http = host.BackChannel();
        var client = Client(http, clientId, encryption);

        var url = await client.CreateAuthorizationUrlAsync(Parameters(clientId));

        await ShouldReachLoginAsync(http, url);
        var requestObject = Uri.UnescapeDataString(url.Query.Split("&request=")[1]);
        requestObject.Split('.').Length.ShouldBe(encryption == RequestObjectEncryption.None ? 3 : 5);
        (await host.DecisionsForAsync(requestObject)).ShouldHaveSingleItem().Outcome.ShouldBe(JarOutcome.Accepted);
    }

    [Fact]
    public async Task Rotation_a_published_key_signs_once_its_time_has_come()
    {
        // The server knows strict-client's demo key only; a new key announced for later never signs before then.
        using var http = host.BackChannel();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var next = ClientSigningKey.GenerateEcdsa("strict-client-next") with { SigningFrom = time.GetUtcNow().AddDays(1) };
        var keys = DemoKeys.SetFor("strict-client").With(next);
        var client = new JarClient(http, new JarClientOptions { ClientId = "strict-client", Issuer = host.Issuer, Keys = keys, TimeProvider = time });

        var url = await client.CreateAuthorizationUrlAsync(Parameters("strict-client"));
        await ShouldReachLoginAsync(http, url);

        time.Advance(TimeSpan.FromDays(1));
        keys.SigningKey(time.GetUtcNow()).KeyId.ShouldBe("strict-client-next");
    }

    [Fact]
    public async Task Authenticates_with_client_secret_basic_at_par()
    {
        // strict-client is registered with a JWKS, so a secret is an unknown credential: the server answers 401
        // invalid_client, and the library surfaces it typed.
        using var http = host.BackChannel();
        var client = Client(http, "strict-client", RequestObjectEncryption.None) is var c
            ? new JarClient(http, c.Options with { Authentication = ClientAuthentication.ClientSecretBasic("not-the-credential") })
            : null!;

        var refusal = await Should.ThrowAsync<JarServerException>(() => client.PushAsync(Parameters("strict-client")));

        refusal.Refusal.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refusal.Error.ShouldBe("invalid_client");
    }

    internal static Dictionary<string, string?> Parameters(string clientId, Action<Dictionary<string, string?>>? edit = null)
    {
        var pkce = Pkce.Create();
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = clientId == "sample-client" ? "http://127.0.0.1:5090/signin-oidc" : "http://127.0.0.1:5080/callback",
            ["scope"] = "openid profile",
            ["state"] = Guid.NewGuid().ToString("N"),
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };
        edit?.Invoke(parameters);
        return parameters;
    }

    internal JarClient Client(HttpClient http, string clientId, RequestObjectEncryption encryption) =>
        new(http, new JarClientOptions { ClientId = clientId, Issuer = host.Issuer, Keys = DemoKeys.SetFor(clientId), Encryption = encryption });

    private static async Task ShouldReachLoginAsync(HttpClient http, Uri url)
    {
        // By value, OpenIddict first answers with a redirect to itself carrying the cached request's request_uri.
        var location = url;
        for (var hop = 0; hop < 2 && location.AbsolutePath == "/connect/authorize"; hop++)
        {
            using var response = await http.GetAsync(location.PathAndQuery);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            location = new Uri(new Uri("http://localhost/"), response.Headers.Location.ShouldNotBeNull());
        }

        location.AbsolutePath.ShouldBe("/Account/Login");
    }
}
