using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Data;
using Jar.SampleHost.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The full authorization code flow of each demo client, as a user and the demo client run it: login, consent,
/// redirect to /callback with a code, and the code redeemed at /connect/token with the client's own credentials.
/// The JAR stores are the Entity Framework Core ones in the host's database: each flow's decision is read back from
/// JarDecisionRecords and its jti from JarReplayEntries. Run on each database provider that can run here.
/// </summary>
public abstract class CodeFlowTests(SampleHostFactory host)
{
    [Fact]
    public async Task The_database_is_created_and_brought_to_the_latest_migration_of_its_provider()
    {
        var (type, applied, known, pending) = await Stores.QueryAsync(host, async db => (
            db.GetType(),
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            db.Database.GetMigrations().ToList(),
            (await db.Database.GetPendingMigrationsAsync()).ToList()));

        type.Name.ShouldBe($"{ProviderName}AppDbContext");
        known.ShouldNotBeEmpty();
        applied.ShouldBe(known);
        pending.ShouldBeEmpty();
        applied[0].ShouldEndWith("_Initial");
    }

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

        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        ShouldBeAccepted(record, request, JarEndpoint.Authorization, "strict", "strict-client-demo-1", "PS256");
        (await Stores.ReplayEntryExistsAsync(host, "strict-client", Stores.Claim(request.RequestObject!, "jti"))).ShouldBeTrue();
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

        // The object was decided once, at the PAR endpoint; the authorization endpoint saw only its request_uri.
        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        ShouldBeAccepted(record, request, JarEndpoint.PushedAuthorization, "fapi2-message-signing", "fapi2-client-demo-1", "PS256");
        (await Stores.ReplayEntryExistsAsync(host, "fapi2-client", Stores.Claim(request.RequestObject!, "jti"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Rollout_client_completes_the_code_flow_with_an_ES256_request_object_pushed_to_par()
    {
        var request = await AuthorizationFlow.StartAsync(host, "rollout-client");

        request.Delivery.ShouldBe(DemoDelivery.PushedRequestObject);
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        ShouldBeAccepted(record, request, JarEndpoint.PushedAuthorization, "strict", "rollout-client-demo-1", "ES256");
    }

    [Fact]
    public async Task Rollout_client_request_object_by_value_breaks_its_report_only_par_rule_and_still_completes_the_code_flow()
    {
        var request = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);

        AuthorizationFlow.Query(request.AuthorizationUrl).Keys.Order().ShouldBe(["client_id", "request"]);
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        // Report-only: JAR602 is recorded, and the request went through (RFC 9126 §4 is being rolled out).
        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.ReportOnly);
        record.RuleIds.ShouldBe("JAR602");
        record.Endpoint.ShouldBe(JarEndpoint.Authorization);
        record.ClientId.ShouldBe("rollout-client");
        record.RequestObjectHash.ShouldBe(Stores.Sha256Hex(request.RequestObject!));
        record.JwtId.ShouldBe(Stores.Claim(request.RequestObject!, "jti"));
        record.KeyId.ShouldBe("rollout-client-demo-1");
        record.Algorithm.ShouldBe("ES256");
    }

    [Fact]
    public async Task Encrypting_client_completes_the_code_flow_with_a_request_object_signed_then_encrypted_to_the_server()
    {
        var request = await AuthorizationFlow.StartAsync(host, "encrypting-client");

        // RFC 9101 §6.1: by value, the browser carries a compact JWE (RFC 7516 §7.1) and nothing readable.
        request.Delivery.ShouldBe(DemoDelivery.RequestObjectByValue);
        var sent = request.RequestObject.ShouldNotBeNull();
        var signed = request.SignedRequestObject.ShouldNotBeNull();
        sent.Split('.').Length.ShouldBe(5);
        sent.ShouldNotContain(signed.Split('.')[1]);
        using (var header = JsonDocument.Parse(Base64UrlEncoder.Decode(sent.Split('.')[0])))
        {
            var serverKey = new JsonWebKeySet(await File.ReadAllTextAsync(host.GeneratedDecryptionKeysFile)).Keys.Single(k => k.Kty == "RSA");
            header.RootElement.GetProperty("alg").GetString().ShouldBe("RSA-OAEP-256");
            header.RootElement.GetProperty("enc").GetString().ShouldBe("A256GCM");
            header.RootElement.GetProperty("cty").GetString().ShouldBe("JWT");
            header.RootElement.GetProperty("kid").GetString().ShouldBe(serverKey.Kid);
        }

        var front = AuthorizationFlow.Query(request.AuthorizationUrl);
        front.Keys.Order().ShouldBe(["client_id", "request"]);
        front["request"].ToString().ShouldBe(sent);

        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        // The record hashes the object as received and names the inner signature's key and algorithm.
        var record = (await Stores.DecisionsAsync(host, sent)).ShouldHaveSingleItem();
        ShouldBeAccepted(record, request, JarEndpoint.Authorization, "strict", "encrypting-client-demo-1", "ES256");
        (await Stores.ReplayEntryExistsAsync(host, "encrypting-client", Stores.Claim(signed, "jti"))).ShouldBeTrue();
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

    [Fact]
    public async Task A_request_object_sent_again_after_its_flow_is_refused_as_a_replay_JAR406_from_the_database_ledger()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
        using var browser = host.CreateBrowser();

        var replay = await browser.GetAsync(request.AuthorizationUrl);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        replay.Headers.Location.ShouldBeNull();
        var answer = await Jar.Testing.EndpointAnswer.ReadAsync(replay);
        answer.MediaType.ShouldBe("text/html");
        answer.Error.ShouldBe("invalid_request_object");
        answer.ErrorDescription.ShouldNotBeNull().ShouldEndWith("(rule JAR406)");
        var records = await Stores.DecisionsAsync(host, request.RequestObject!);
        records.Select(r => (r.Outcome, r.RuleIds)).ShouldBe([(JarOutcome.Accepted, string.Empty), (JarOutcome.Refused, "JAR406")]);
        records[1].JwtId.ShouldBe(Stores.Claim(request.RequestObject!, "jti"));
    }

    /// <summary>The provider name the host runs on, as in Database:Provider.</summary>
    protected abstract string ProviderName { get; }

    private static void ShouldBeAccepted(Jar.IdentityServer.Extensions.EntityFramework.JarDecisionRecord record, DemoAuthorizationRequest request, JarEndpoint endpoint, string profile, string keyId, string algorithm)
    {
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        record.RuleIds.ShouldBe(string.Empty);
        record.Endpoint.ShouldBe(endpoint);
        record.ClientId.ShouldBe(request.ClientId);
        record.Profile.ShouldBe(profile);
        record.RequestObjectHash.ShouldBe(Stores.Sha256Hex(request.RequestObject!));
        record.JwtId.ShouldBe(Stores.Claim(request.SignedRequestObject!, "jti"));
        record.KeyId.ShouldBe(keyId);
        record.Algorithm.ShouldBe(algorithm);
    }
}
