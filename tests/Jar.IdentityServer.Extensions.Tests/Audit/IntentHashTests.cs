using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Audit;

/// <summary>The intent hash: RFC 8785 over exactly the parameters that counted, plus client_id; SHA-256, base64url.</summary>
public sealed class IntentHashTests
{
    [Fact]
    public async Task Accepted_request_object_carries_the_hash_of_its_claims_without_the_envelope()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("max_age", 300).With("claims", JsonNode.Parse("""{"id_token":{"acr":{"essential":true}}}"""));

        var decision = await engine.PushAsync(requestObject);

        decision.ShouldBeAccepted();
        decision.TrailId.ShouldNotBeNullOrEmpty();
        decision.IntentHash.ShouldBe(JarIntent.FromRequestObjectPayload(requestObject.PayloadJson, TestClients.C1Id));

        // The same value by hand: envelope claims dropped, members sorted, values as canonical JSON, then SHA-256.
        var claims = JsonNode.Parse(requestObject.PayloadJson)!.AsObject();
        foreach (var envelope in (string[])["iss", "aud", "exp", "nbf", "iat", "jti"])
        {
            claims.Remove(envelope);
        }

        claims["client_id"] = TestClients.C1Id;
        var canonical = JsonCanonicalization.Canonicalize(claims.ToJsonString());
        canonical.ShouldContain("\"max_age\":300");
        canonical.ShouldNotContain("\"jti\"");
        decision.IntentHash.ShouldBe(Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public async Task The_hash_changes_with_any_parameter_that_counts_and_not_with_the_envelope()
    {
        using var engine = new TestEngine();
        var first = await engine.PushAsync(engine.R0().With("jti", "one"));
        var sameIntent = await engine.PushAsync(engine.R0().With("jti", "two"));
        var otherState = await engine.PushAsync(engine.R0().With("jti", "three").With("state", "other"));

        sameIntent.IntentHash.ShouldBe(first.IntentHash);
        otherState.IntentHash.ShouldNotBe(first.IntentHash);
        sameIntent.TrailId.ShouldNotBe(first.TrailId);
    }

    [Fact]
    public async Task Refused_request_carries_no_intent_hash()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(Jws.CorruptSignature(engine.R0().Compact()));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
        decision.IntentHash.ShouldBeNull();
        decision.TrailId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Refuses_a_request_object_whose_number_has_no_canonical_form()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("jti", "unhashable");
        var payload = requestObject.PayloadJson.Replace("\"jti\":\"unhashable\"", "\"jti\":\"unhashable\",\"x_amount\":1e400", StringComparison.Ordinal);
        payload.ShouldContain("1e400");

        var decision = await engine.SendAsync(requestObject.CompactOver(System.Text.Encoding.UTF8.GetBytes(requestObject.HeaderJson), System.Text.Encoding.UTF8.GetBytes(payload)));

        decision.ShouldBeRefused("JAR702", "invalid_request_object");
    }

    [Fact]
    public async Task A_pushed_reference_is_accepted_unrecorded_awaiting_the_host()
    {
        var sink = new Doubles.RecordingDecisionSink();
        using var engine = new TestEngine(register: s => s.AddSingleton<IJarDecisionSink>(sink));

        var decision = await engine.ValidateAsync(Requests.At(JarEndpoint.Authorization, ("client_id", TestClients.C1Id), ("request_uri", Requests.PushedRequestUri)));

        decision.ShouldBeAccepted();
        decision.AwaitsReference.ShouldBeTrue();
        sink.Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void A_plain_request_hashes_its_parameters_as_strings()
    {
        var hash = JarIntent.FromParameters([new("scope", "openid"), new("max_age", "300")], "c1");

        hash.ShouldBe(Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("""{"client_id":"c1","max_age":"300","scope":"openid"}"""))));
    }
}
