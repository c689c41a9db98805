using System.Net;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests;

/// <summary>
/// One trail per authorization on the sample host: every step shares the trail id and the intent hash, the tokens
/// carry the intent, and the chain of records verifies (and breaks, naming the record, when tampered with).
/// </summary>
public sealed class DecisionTrailTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task A_pushed_request_leaves_one_trail_from_par_to_redemption_bound_to_the_id_token()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");
        request.Delivery.ShouldBe(DemoDelivery.PushedRequestObject);

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile", "email", "offline_access"]);

        var trail = await TrailOfAsync(request.RequestObject!);
        trail.Select(r => (r.Endpoint, r.Step, r.Outcome)).ShouldBe(
        [
            (JarEndpoint.PushedAuthorization, JarTrailStep.Request, JarOutcome.Accepted),
            (JarEndpoint.Authorization, JarTrailStep.Request, JarOutcome.Accepted), // before login
            (JarEndpoint.Authorization, JarTrailStep.Request, JarOutcome.Accepted), // back from login
            (JarEndpoint.Authorization, JarTrailStep.Request, JarOutcome.Accepted), // the consent answer
            (JarEndpoint.Authorization, JarTrailStep.Consent, JarOutcome.Accepted),
            (JarEndpoint.Authorization, JarTrailStep.CodeIssued, JarOutcome.Accepted),
            (JarEndpoint.Token, JarTrailStep.TokenRedemption, JarOutcome.Accepted),
        ]);
        ShouldShareTheIntentOf(trail, request);
        trail.ShouldAllBe(r => r.RequestObjectHash == Stores.Sha256Hex(request.RequestObject!));

        var consent = trail.Single(r => r.Step == JarTrailStep.Consent);
        consent.Subject.ShouldBe("alice");
        consent.Scopes!.Split(' ').Order().ShouldBe(["email", "offline_access", "openid", "profile"]);
        trail.Single(r => r.Step == JarTrailStep.CodeIssued).TokenIds.ShouldNotBeNullOrEmpty();
        var redemption = trail.Single(r => r.Step == JarTrailStep.TokenRedemption);
        redemption.TokenIds!.Split(',').Length.ShouldBe(3); // access, identity and refresh token ids; never the tokens
        redemption.TokenIds.ShouldNotContain(tokens.GetProperty("access_token").GetString()!);

        // The ID token and the access token carry the intent hash of the signed object.
        Claim(tokens.GetProperty("id_token").GetString()!, JarIntent.ClaimType).ShouldBe(trail[0].IntentHash);

        // Any id of the trail finds the whole trail.
        var audit = host.Services.GetRequiredService<IJarAuditTrail>();
        (await audit.FindTrailAsync(redemption.TokenIds.Split(',')[0], CancellationToken.None)).Select(r => r.Id).ShouldBe(trail.Select(r => r.Id));
        (await audit.FindTrailAsync(trail[0].IntentHash!, CancellationToken.None)).Select(r => r.Id).ShouldBe(trail.Select(r => r.Id));
    }

    [Fact]
    public async Task A_request_object_by_value_leaves_one_trail_with_the_intent_of_its_claims()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        request.Delivery.ShouldBe(DemoDelivery.RequestObjectByValue);

        var tokens = await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        var trail = await TrailOfAsync(request.RequestObject!);
        trail[0].Endpoint.ShouldBe(JarEndpoint.Authorization);
        trail[0].RequestObjectHash.ShouldBe(Stores.Sha256Hex(request.RequestObject!));
        trail.Select(r => r.Step).ShouldBe([JarTrailStep.Request, JarTrailStep.Request, JarTrailStep.Request, JarTrailStep.Request, JarTrailStep.Consent, JarTrailStep.CodeIssued, JarTrailStep.TokenRedemption]);
        trail.ShouldAllBe(r => r.Outcome == JarOutcome.Accepted);
        ShouldShareTheIntentOf(trail, request);
        Claim(tokens.GetProperty("id_token").GetString()!, JarIntent.ClaimType).ShouldBe(trail[0].IntentHash);
    }

    [Fact]
    public async Task An_unknown_request_uri_is_refused_JAR701_and_recorded_as_refused_never_accepted()
    {
        using var browser = host.CreateBrowser();
        var before = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().MaxAsync(r => (long?)r.Id));

        var answer = await browser.GetAsync(new Uri("/connect/authorize?client_id=strict-client&request_uri=urn:ietf:params:oauth:request_uri:definitely-not-issued", UriKind.Relative));

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        answer.Headers.Location.ShouldBeNull();
        var page = await answer.Content.ReadAsStringAsync();
        page.ShouldContain("invalid_request_uri");
        page.ShouldContain("(rule JAR701)");
        var records = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Id > (before ?? 0)).ToListAsync());
        var record = records.ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Refused);
        record.RuleIds.ShouldBe("JAR701");
        record.ClientId.ShouldBe("strict-client");
        record.Reason.ShouldNotBeNull().ShouldStartWith("invalid_request_uri: ");
    }

    [Fact]
    public async Task A_denied_consent_ends_the_trail_with_the_refusal_and_its_reason()
    {
        var request = await AuthorizationFlow.StartAsync(host, "fapi2-client");
        using var browser = host.CreateBrowser();

        var (_, redirect) = await AuthorizationFlow.AuthorizeAsync(browser, request.AuthorizationUrl, "deny");

        AuthorizationFlow.Query(redirect)["error"].ToString().ShouldBe("access_denied");
        var last = (await TrailOfAsync(request.RequestObject!))[^1];
        last.Step.ShouldBe(JarTrailStep.Consent);
        last.Outcome.ShouldBe(JarOutcome.Refused);
        last.Reason.ShouldNotBeNull().ShouldStartWith("access_denied: ");
    }

    [Fact]
    public async Task A_record_without_a_trail_is_found_alone_never_with_the_other_records_without_one()
    {
        var audit = host.Services.GetRequiredService<IJarAuditTrail>();
        string[] hashes = [new string('a', 64), new string('b', 64)];
        foreach (var hash in hashes)
        {
            await Stores.QueryAsync(host, db =>
            {
                db.Set<JarDecisionRecord>().Add(new JarDecisionRecord
                {
                    DecidedAt = DateTimeOffset.UtcNow, ClientId = "strict-client", Endpoint = JarEndpoint.Authorization, Outcome = JarOutcome.Refused,
                    Step = JarTrailStep.Request, RuleIds = "JAR201", RequestObjectHash = hash,
                });
                return db.SaveChangesAsync();
            });
        }

        var found = await audit.FindTrailAsync(hashes[0], CancellationToken.None);

        found.ShouldHaveSingleItem().RequestObjectHash.ShouldBe(hashes[0]);
        await ExecuteAsync("DELETE FROM \"JarDecisionRecords\" WHERE \"TrailId\" IS NULL AND \"Sequence\" IS NULL");
    }

    [Fact]
    public async Task The_chain_verifies_and_each_kind_of_tampering_is_named_by_record()
    {
        for (var i = 0; i < 2; i++)
        {
            await AuthorizationFlow.CompleteAsync(host, await AuthorizationFlow.StartAsync(host, "strict-client"), expectedScopes: ["openid", "profile"]);
        }

        var audit = host.Services.GetRequiredService<IJarAuditTrail>();
        (await audit.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
        var checkpoint = (await audit.CheckpointAsync(CancellationToken.None)).ShouldNotBeNull();
        var report = await audit.VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeTrue(report.Detail);
        report.LastCheckpoint.ShouldNotBeNull().Sequence.ShouldBe(checkpoint.Sequence);
        var ids = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Sequence != null).OrderBy(r => r.Sequence).Select(r => r.Id).ToListAsync());
        ids.Count.ShouldBeGreaterThan(10);

        // Edit a field.
        var edited = ids[3];
        var original = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Id == edited).Select(r => r.ClientId).SingleAsync());
        await ExecuteAsync($"UPDATE \"JarDecisionRecords\" SET \"ClientId\" = 'someone-else' WHERE \"Id\" = {edited}");
        await ShouldBreakAsync(audit, JarChainBreak.Content, edited);
        await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Id == edited).ExecuteUpdateAsync(u => u.SetProperty(r => r.ClientId, original)));
        (await audit.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();

        // Swap two records (every field but the id), then swap them back.
        var (a, b) = (ids[5], ids[6]);
        await SwapAsync(a, b);
        await ShouldBreakAsync(audit, JarChainBreak.Order, a);
        await SwapAsync(a, b);
        (await audit.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();

        // Add a record outside the chain (no position, no hashes), as a writer behind the store's back could.
        await Stores.QueryAsync(host, db =>
        {
            db.Set<JarDecisionRecord>().Add(new JarDecisionRecord
            {
                DecidedAt = DateTimeOffset.UtcNow, ClientId = "strict-client", Endpoint = JarEndpoint.Authorization, Outcome = JarOutcome.Accepted, Step = JarTrailStep.Request,
            });
            return db.SaveChangesAsync();
        });
        var forged = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Sequence == null).MaxAsync(r => r.Id));
        await ShouldBreakAsync(audit, JarChainBreak.Inserted, forged);
        await ExecuteAsync($"DELETE FROM \"JarDecisionRecords\" WHERE \"Id\" = {forged}");
        (await audit.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();

        // Rewrite the whole chain from one record on, consistently, without a new signed checkpoint.
        await RewriteFromAsync(ids[2], "rewritten");
        var rewritten = await audit.VerifyAsync(CancellationToken.None);
        rewritten.Break.ShouldBe(JarChainBreak.Content);
        rewritten.Sequence.ShouldBe(checkpoint.Sequence);
        rewritten.Detail.ShouldNotBeNull().ShouldContain("checkpoint");

        // Delete one.
        await ExecuteAsync($"DELETE FROM \"JarDecisionRecords\" WHERE \"Id\" = {ids[8]}");
        await ShouldBreakAsync(audit, JarChainBreak.Missing, ids[9]);
    }

    private static async Task ShouldBreakAsync(IJarAuditTrail audit, JarChainBreak kind, long recordId)
    {
        var report = await audit.VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeFalse();
        report.Break.ShouldBe(kind, report.Detail);
        report.RecordId.ShouldBe(recordId);
        report.Detail.ShouldNotBeNull().ShouldContain($"record {recordId}");
    }

    private Task<int> ExecuteAsync(string sql) => Stores.QueryAsync(host, db => db.Database.ExecuteSqlRawAsync(sql));

    // What an administrator with write access could do: change a record and recompute every hash after it.
    private Task<int> RewriteFromAsync(long id, string reason) => Stores.QueryAsync(host, async db =>
    {
        var records = await db.Set<JarDecisionRecord>().Where(r => r.Sequence != null).OrderBy(r => r.Sequence).ToListAsync();
        var previous = string.Empty;
        foreach (var record in records)
        {
            if (record.Id == id)
            {
                record.Reason = reason;
            }

            record.PreviousHash = previous;
            record.Hash = DocumentedHash(record);
            previous = record.Hash;
        }

        var head = await db.Set<JarDecisionChainHead>().SingleAsync();
        head.Hash = previous;
        return await db.SaveChangesAsync();
    });

    private Task<int> SwapAsync(long a, long b) => Stores.QueryAsync(host, async db =>
    {
        var records = db.Set<JarDecisionRecord>();
        var (first, second) = (await records.SingleAsync(r => r.Id == a), await records.SingleAsync(r => r.Id == b));
        var (firstSequence, secondSequence) = (first.Sequence, second.Sequence);
        (first.Sequence, second.Sequence) = (-firstSequence, -secondSequence); // the unique index holds at every statement
        await db.SaveChangesAsync();
        foreach (var property in typeof(JarDecisionRecord).GetProperties().Where(p => p.Name != nameof(JarDecisionRecord.Id)))
        {
            var value = property.GetValue(first);
            property.SetValue(first, property.GetValue(second));
            property.SetValue(second, value);
        }

        (first.Sequence, second.Sequence) = (secondSequence, firstSequence);
        return await db.SaveChangesAsync();
    });

    // docs/audit.md's hash, computed here from its description, not with the library's code.
    private static string DocumentedHash(JarDecisionRecord r)
    {
        var fields = new Dictionary<string, object?>
        {
            ["sequence"] = r.Sequence, ["trailId"] = r.TrailId, ["decidedAt"] = r.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["clientId"] = r.ClientId, ["endpoint"] = r.Endpoint.ToString(), ["step"] = r.Step.ToString(), ["outcome"] = r.Outcome.ToString(),
            ["ruleIds"] = r.RuleIds, ["profile"] = r.Profile, ["requestObjectHash"] = r.RequestObjectHash, ["intentHash"] = r.IntentHash,
            ["jwtId"] = r.JwtId, ["keyId"] = r.KeyId, ["algorithm"] = r.Algorithm, ["subject"] = r.Subject, ["scopes"] = r.Scopes,
            ["tokenIds"] = r.TokenIds, ["reason"] = r.Reason, ["detail"] = r.Detail, ["requestObject"] = r.RequestObject, ["previousHash"] = r.PreviousHash,
        };
        var canonical = JsonCanonicalization.Canonicalize(JsonSerializer.Serialize(fields));
        return Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r.PreviousHash + canonical)));
    }

    private static void ShouldShareTheIntentOf(List<JarDecisionRecord> trail, DemoAuthorizationRequest request)
    {
        trail.Select(r => r.TrailId).Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();

        // Recomputed here from the signed object's claims, not taken from the engine.
        var payload = Base64UrlEncoder.Decode(request.RequestObject!.Split('.')[1]);
        var intent = JarIntent.FromRequestObjectPayload(payload, request.ClientId);
        trail.ShouldAllBe(r => r.IntentHash == intent);
    }

    private async Task<List<JarDecisionRecord>> TrailOfAsync(string requestObject)
    {
        var trailId = (await Stores.DecisionsAsync(host, requestObject))[0].TrailId;
        return await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.TrailId == trailId).OrderBy(r => r.Sequence).ToListAsync());
    }

    internal static string? Claim(string jwt, string name)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[1]));
        return payload.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
