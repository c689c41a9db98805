using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;
using Jwe = Jar.Testing.Jwe;

namespace Jar.IdentityServer.Extensions.Tests.Audit;

/// <summary>
/// The evidence of an accepted request: the signed object the engine verified, handed to the sinks, and
/// <see cref="JarEvidence"/> re-verifying it as the engine accepted it.
/// </summary>
public sealed class EvidenceTests
{
    [Fact]
    public async Task Recomputing_the_intent_hash_from_a_kept_object_gives_the_intent_of_its_acceptance()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("max_age", 300).With("claims", System.Text.Json.Nodes.JsonNode.Parse("""{"userinfo":{"email":null}}""")).Compact();

        // The intent hash the decision carries is the one the tokens carry as jar_intent.
        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeAccepted();
        decision.RequestObject.ShouldBe(requestObject);
        decision.RequestObjectEncrypted.ShouldBeFalse();
        var report = JarEvidence.Verify(decision.RequestObject!, TestClients.C1, decision.ClientId!, decision.IntentHash, decision.RequestObjectHash);
        report.RecomputedIntentHash.ShouldBe(decision.IntentHash);
        report.IntentMatches.ShouldBeTrue();
        report.ObjectHashMatches.ShouldBe(true);
        report.Signature.ShouldBe(JarEvidenceSignature.Verified);
        report.KeyId.ShouldBe(TestKeys.K1.KeyId);
        report.Algorithm.ShouldBe("PS256");
        report.Contradicts.ShouldBeFalse();
    }

    [Fact]
    public async Task A_pushed_object_is_handed_over_at_par_and_its_intent_recomputes()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().Compact();

        var decision = await engine.ValidateAsync(Requests.Pushed(requestObject));

        decision.ShouldBeAccepted();
        decision.Endpoint.ShouldBe(JarEndpoint.PushedAuthorization);
        decision.RequestObject.ShouldBe(requestObject);
        JarEvidence.Verify(requestObject, TestClients.C1, TestClients.C1Id, decision.IntentHash, decision.RequestObjectHash).RecomputedIntentHash.ShouldBe(decision.IntentHash);
    }

    [Fact]
    public async Task A_refused_request_hands_over_no_object()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(Jws.CorruptSignature(engine.R0().Compact()));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
        decision.RequestObject.ShouldBeNull();
    }

    [Fact]
    public async Task An_encrypted_object_is_handed_over_as_the_signed_object_inside_it()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var signed = engine.R0().Compact();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa"));

        decision.ShouldBeAccepted();
        decision.RequestObject.ShouldBe(signed);
        decision.RequestObjectEncrypted.ShouldBeTrue();
        var report = JarEvidence.Verify(signed, TestClients.C1, TestClients.C1Id, decision.IntentHash, requestObjectHash: null);
        report.Signature.ShouldBe(JarEvidenceSignature.Verified);
        report.IntentMatches.ShouldBeTrue();
        report.ObjectHashMatches.ShouldBeNull();
    }

    [Fact]
    public async Task A_changed_claim_fails_the_signature_and_differs_in_both_hashes()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().Compact();
        var decision = await engine.SendAsync(requestObject);
        var segments = requestObject.Split('.');
        var payload = Base64UrlEncoder.Decode(segments[1]).Replace("\"state\":\"", "\"state\":\"x", StringComparison.Ordinal);
        var changed = $"{segments[0]}.{Base64UrlEncoder.Encode(payload)}.{segments[2]}";

        var report = JarEvidence.Verify(changed, TestClients.C1, TestClients.C1Id, decision.IntentHash, decision.RequestObjectHash);

        report.Signature.ShouldBe(JarEvidenceSignature.Failed);
        report.SignatureDetail.ShouldBe($"the signature does not verify with key kid {TestKeys.K1.KeyId}");
        report.IntentMatches.ShouldBeFalse();
        report.ObjectHashMatches.ShouldBe(false);
        report.Contradicts.ShouldBeTrue();
    }

    [Fact]
    public async Task A_key_no_longer_registered_or_a_client_gone_cannot_verify_and_is_not_a_failure()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().Compact();
        var decision = await engine.SendAsync(requestObject);

        var rotated = JarEvidence.Verify(requestObject, TestClients.C1With(TestKeys.K1b.Jwk()), TestClients.C1Id, decision.IntentHash, decision.RequestObjectHash);
        var gone = JarEvidence.Verify(requestObject, client: null, TestClients.C1Id, decision.IntentHash, decision.RequestObjectHash);

        rotated.Signature.ShouldBe(JarEvidenceSignature.CannotVerify);
        rotated.SignatureDetail.ShouldBe($"key kid {TestKeys.K1.KeyId} no longer registered");
        rotated.Contradicts.ShouldBeFalse();
        gone.Signature.ShouldBe(JarEvidenceSignature.CannotVerify);
        gone.SignatureDetail.ShouldBe($"client {TestClients.C1Id} is no longer registered");
        gone.IntentMatches.ShouldBeTrue();
    }

    [Fact]
    public void A_kept_value_that_is_not_a_compact_jws_fails()
    {
        var report = JarEvidence.Verify("not.a-jws", TestClients.C1, TestClients.C1Id, "intent", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("not.a-jws"))));

        report.Signature.ShouldBe(JarEvidenceSignature.Failed);
        report.IntentMatches.ShouldBeFalse();
        report.ObjectHashMatches.ShouldBe(true);
        report.Contradicts.ShouldBeTrue();
    }
}
