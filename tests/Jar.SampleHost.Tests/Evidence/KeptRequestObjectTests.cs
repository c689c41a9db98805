using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Demo;

namespace Jar.SampleHost.Tests.Evidence;

/// <summary>
/// <c>Jar:Audit:KeepRequestObjects</c> on: the signed object is kept on the record that verified it (by value at the
/// authorization endpoint, at PAR for a pushed one), and <c>audit trail</c> re-verifies it.
/// </summary>
public sealed class KeptRequestObjectTests(EvidenceHostFactory host) : IClassFixture<EvidenceHostFactory>
{
    [Fact]
    public Task A_request_object_by_value_is_kept_on_its_accepted_record_and_re_verifies() =>
        ShouldKeepAndReVerifyAsync("strict-client", DemoDelivery.RequestObjectByValue, JarEndpoint.Authorization, ["openid", "profile"]);

    [Fact]
    public Task A_pushed_request_object_is_kept_on_its_par_record_and_re_verifies() =>
        ShouldKeepAndReVerifyAsync("fapi2-client", DemoDelivery.PushedRequestObject, JarEndpoint.PushedAuthorization, ["openid", "profile", "email", "offline_access"]);

    [Fact]
    public async Task A_report_only_request_object_that_went_through_is_kept_and_re_verifies()
    {
        var request = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        // JAR602 broken in report-only mode: the request was served, so its object is evidence like an accepted one.
        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.ReportOnly);
        record.RuleIds.ShouldBe("JAR602");
        record.RequestObject.ShouldBe(request.RequestObject);
        var (exit, text) = await Evidence.RunAsync(host, "audit", "trail", record.TrailId!);
        exit.ShouldBe(0, text);
        Evidence.EvidenceLines(text).ShouldHaveSingleItem().ShouldBe(
            $"evidence: record {record.Id}: signature verified (kid rollout-client-demo-1, alg ES256); intent hash matches; object hash matches");
    }

    [Fact]
    public async Task An_encrypted_request_object_is_kept_as_the_signed_object_inside_it()
    {
        var request = await AuthorizationFlow.StartAsync(host, "encrypting-client");
        request.RequestObject!.Split('.').Length.ShouldBe(5);
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        var trail = await Evidence.TrailAsync(host, request.RequestObject!);
        var kept = trail.Where(r => r.RequestObject is not null).ShouldHaveSingleItem();
        kept.RequestObject.ShouldBe(request.SignedRequestObject);
        kept.RequestObjectHash.ShouldBe(Stores.Sha256Hex(request.RequestObject!));

        var evidence = await Evidence.VerifyAsync(host, kept.TrailId!);
        var report = evidence.KeptObjects.ShouldHaveSingleItem().Report;
        report.Signature.ShouldBe(JarEvidenceSignature.Verified, report.SignatureDetail);
        report.IntentMatches.ShouldBeTrue();
        report.ObjectHashMatches.ShouldBeNull(); // the record hashes the JWE received, not the signed object kept
        evidence.Contradicts.ShouldBeFalse();

        var (exit, text) = await Evidence.RunAsync(host, "audit", "trail", kept.TrailId!);
        exit.ShouldBe(0, text);
        Evidence.EvidenceLines(text).ShouldHaveSingleItem().ShouldEndWith("; intent hash matches; object hash not comparable (received encrypted; the record hashes the encrypted form)");
    }

    [Fact]
    public async Task A_refused_request_object_is_never_kept()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        using var browser = host.CreateBrowser();
        (await browser.GetAsync(request.AuthorizationUrl)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        // The same object again: its jti is spent, so it is refused (JAR406), and the refusal keeps nothing.
        var replayed = await browser.GetAsync(request.AuthorizationUrl);
        replayed.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        replayed.Headers.Location.ShouldBeNull();
        (await Jar.Testing.EndpointAnswer.ReadAsync(replayed)).ErrorDescription.ShouldNotBeNull().ShouldEndWith("(rule JAR406)");
        var decisions = await Stores.DecisionsAsync(host, request.RequestObject!);
        decisions.Count.ShouldBe(2);
        decisions[0].RequestObject.ShouldBe(request.RequestObject);
        decisions[1].Outcome.ShouldBe(JarOutcome.Refused);
        decisions[1].RuleIds.ShouldBe("JAR406");
        decisions[1].RequestObject.ShouldBeNull();
    }

    private async Task ShouldKeepAndReVerifyAsync(string clientId, DemoDelivery delivery, JarEndpoint verifiedAt, string[] scopes)
    {
        var request = await AuthorizationFlow.StartAsync(host, clientId);
        request.Delivery.ShouldBe(delivery);
        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: scopes);

        // Kept once, on the record that verified it: the trail's first, accepted; the later hops keep nothing.
        var trail = await Evidence.TrailAsync(host, request.RequestObject!);
        var kept = trail.Where(r => r.RequestObject is not null).ShouldHaveSingleItem();
        kept.Id.ShouldBe(trail[0].Id);
        kept.Endpoint.ShouldBe(verifiedAt);
        kept.Outcome.ShouldBe(JarOutcome.Accepted);
        kept.RequestObject.ShouldBe(request.RequestObject);

        await ShouldReVerifyAsync(request, kept.Id, tokens.GetProperty("id_token").GetString()!);
    }

    private async Task ShouldReVerifyAsync(DemoAuthorizationRequest request, long recordId, string idToken)
    {
        // The library: signature with the client's registered key, intent and object hash as recorded.
        var evidence = await Evidence.VerifyAsync(host, Stores.Sha256Hex(request.RequestObject!));
        var (keptId, report) = evidence.KeptObjects.ShouldHaveSingleItem();
        keptId.ShouldBe(recordId);
        report.Signature.ShouldBe(JarEvidenceSignature.Verified, report.SignatureDetail);
        report.KeyId.ShouldBe(Evidence.Header(request.RequestObject!, "kid"));
        report.Algorithm.ShouldBe(Evidence.Header(request.RequestObject!, "alg"));
        report.IntentMatches.ShouldBeTrue();
        report.ObjectHashMatches.ShouldBe(true);
        report.RecomputedIntentHash.ShouldBe(Evidence.Claim(idToken, JarIntent.ClaimType));
        evidence.Contradicts.ShouldBeFalse();

        // The host's command over the same trail, found by the token's intent.
        var (exit, text) = await Evidence.RunAsync(host, "audit", "trail", report.RecomputedIntentHash!);
        exit.ShouldBe(0, text);
        Evidence.EvidenceLines(text).ShouldHaveSingleItem().ShouldBe(
            $"evidence: record {recordId}: signature verified (kid {report.KeyId}, alg {report.Algorithm}); intent hash matches; object hash matches");
    }
}
