using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests.Evidence;

/// <summary>A kept object changed in the database: its signature fails, its hashes differ, and the chain names the record.</summary>
public sealed class TamperedEvidenceTests(EvidenceHostFactory host) : IClassFixture<EvidenceHostFactory>
{
    [Fact]
    public async Task A_kept_object_with_one_claim_changed_fails_its_signature_and_breaks_the_chain_at_its_record()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
        var kept = (await Evidence.TrailAsync(host, request.RequestObject!)).Where(r => r.RequestObject is not null).ShouldHaveSingleItem();

        // What someone with write access could do: one claim changed, header and signature kept as signed.
        var segments = kept.RequestObject!.Split('.');
        var payload = Base64UrlEncoder.Decode(segments[1]);
        var state = Stores.Claim(kept.RequestObject, "state");
        var tampered = $"{segments[0]}.{Base64UrlEncoder.Encode(payload.Replace(state, "changed-after-the-fact", StringComparison.Ordinal))}.{segments[2]}";
        tampered.ShouldNotBe(kept.RequestObject);
        (await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Id == kept.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestObject, tampered)))).ShouldBe(1);

        var evidence = await Evidence.VerifyAsync(host, kept.TrailId!);
        var report = evidence.KeptObjects.ShouldHaveSingleItem().Report;
        report.Signature.ShouldBe(JarEvidenceSignature.Failed);
        report.SignatureDetail.ShouldBe($"the signature does not verify with key kid {Evidence.Header(request.RequestObject!, "kid")}");
        report.IntentMatches.ShouldBeFalse();
        report.ObjectHashMatches.ShouldBe(false);
        evidence.Contradicts.ShouldBeTrue();

        var (exit, text) = await Evidence.RunAsync(host, "audit", "trail", kept.TrailId!);
        exit.ShouldBe(1, text);
        var line = Evidence.EvidenceLines(text).ShouldHaveSingleItem();
        line.ShouldStartWith($"evidence: record {kept.Id}: signature failed: the signature does not verify with key kid ");
        line.ShouldContain("; intent hash differs (recomputed ");
        line.ShouldEndWith("; object hash differs");

        // The kept object is part of the record's hashed form: the chain names the record, as changed content.
        var chain = await host.Services.GetRequiredService<IJarAuditTrail>().VerifyAsync(CancellationToken.None);
        chain.Break.ShouldBe(JarChainBreak.Content, chain.Detail);
        chain.RecordId.ShouldBe(kept.Id);
        (exit, text) = await Evidence.RunAsync(host, "audit", "verify");
        exit.ShouldBe(1, text);
        text.ShouldStartWith($"broken: content at record {kept.Id}, ");
    }
}
