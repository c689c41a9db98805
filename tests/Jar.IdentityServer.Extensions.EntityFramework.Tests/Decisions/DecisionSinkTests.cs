using System.Data.Common;
using System.Security.Cryptography;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Decisions;

/// <summary>Every decision is recorded: the client, the rule ids, the outcome and a hash of the exact request object.</summary>
public abstract class DecisionSinkTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{

    [Fact]
    public async Task A_refusal_is_recorded_with_its_rule_ids_hash_outcome_and_headers()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var hash = Convert.ToHexStringLower(SHA256.HashData("eyJhbGciOiJQUzI1NiJ9.e30.c2ln"u8));

        await host.Sink.RecordAsync(Decision() with
        {
            Outcome = JarOutcome.Refused,
            Endpoint = JarEndpoint.PushedAuthorization,
            Violations =
            [
                new JarViolation(JarRules.Expired, "The request object has expired."),
                new JarViolation(JarRules.NotBeforeMissing, "The request object has no 'nbf' claim."),
                new JarViolation(JarRules.Expired, "Repeated."),
            ],
            RequestObjectHash = hash,
            JwtId = "jti-1",
            KeyId = "key-1",
            Algorithm = "PS256",
            Profile = JarProfiles.Fapi2MessageSigning,
        }, CancellationToken.None);

        var record = (await RecordsAsync()).ShouldHaveSingleItem();
        record.ClientId.ShouldBe(ClientId);
        record.DecidedAt.ShouldBe(Start);
        record.Endpoint.ShouldBe(JarEndpoint.PushedAuthorization);
        record.Outcome.ShouldBe(JarOutcome.Refused);
        record.RuleIds.ShouldBe("JAR302,JAR303");
        record.RequestObjectHash.ShouldBe(hash);
        record.JwtId.ShouldBe("jti-1");
        record.KeyId.ShouldBe("key-1");
        record.Algorithm.ShouldBe("PS256");
        record.Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task Outcome_and_endpoint_are_stored_by_name()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await host.Sink.RecordAsync(Decision() with { Outcome = JarOutcome.ReportOnly, Violations = [new JarViolation(JarRules.Expired, "x")] }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var stored = await context.Database
            .SqlQuery<string>($"""SELECT "Outcome" || '/' || "Endpoint" AS "Value" FROM "JarDecisionRecords" WHERE "ClientId" = {ClientId}""")
            .SingleAsync();
        stored.ShouldBe("ReportOnly/Authorization");
    }

    [Fact]
    public async Task An_acceptance_is_recorded_with_no_rule_ids()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await host.Sink.RecordAsync(Decision(), CancellationToken.None);

        var record = (await RecordsAsync()).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        record.RuleIds.ShouldBeEmpty();
        record.RequestObjectHash.ShouldBeNull();
    }

    [Fact]
    public async Task Decision_times_are_stored_as_instants_and_ordered_by_the_database()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var plusTwo = TimeSpan.FromHours(2);

        // 13:30+02:00 is 11:30 UTC: before 12:00 UTC although its local clock reads later.
        await host.Sink.RecordAsync(Decision() with { DecidedAt = new DateTimeOffset(2026, 1, 1, 13, 30, 0, plusTwo), JwtId = "second" }, CancellationToken.None);
        await host.Sink.RecordAsync(Decision() with { DecidedAt = Start, JwtId = "third" }, CancellationToken.None);
        await host.Sink.RecordAsync(Decision() with { DecidedAt = new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), JwtId = "first" }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var ordered = await context.Set<JarDecisionRecord>()
            .Where(r => r.ClientId == ClientId && r.DecidedAt > new DateTimeOffset(2026, 1, 1, 10, 59, 59, TimeSpan.Zero))
            .OrderBy(r => r.DecidedAt)
            .Select(r => new { r.JwtId, r.DecidedAt })
            .ToListAsync();

        ordered.Select(r => r.JwtId).ShouldBe(["first", "second", "third"]);
        ordered[1].DecidedAt.ShouldBe(new DateTimeOffset(2026, 1, 1, 11, 30, 0, TimeSpan.Zero));
        ordered[1].DecidedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task An_unregistered_client_id_longer_than_its_column_is_cut_and_still_recorded()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var longId = ClientId + new string('x', 300);

        await host.Sink.RecordAsync(Decision() with { ClientId = longId, Outcome = JarOutcome.Refused, Violations = [new JarViolation(JarRules.ClientUnknown, "x")] }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var cut = longId[..JarDecisionRecord.MaxClientIdLength];
        var record = await context.Set<JarDecisionRecord>().SingleAsync(r => r.ClientId == cut);
        record.RuleIds.ShouldBe("JAR103");
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_sink_throw()
    {
        await using var host = new StoreHost(Database.ConfigureUnreachable, Time);

        await Failures.ShouldFailOnTheDatabaseAsync(() => host.Sink.RecordAsync(Decision(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Records_appended_at_once_share_groups_and_each_call_returns_once_its_record_is_committed()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);
        var before = host.ChainWriter.Groups;

        // Forty calls queued at once; each reads its own record back, from another context, as soon as its call returns.
        var calls = Enumerable.Range(0, 40).Select(i => RecordAndReadBackAsync(host, $"r{i}")).ToArray();
        var readBack = await Task.WhenAll(calls);

        readBack.ShouldAllBe(found => found);
        (await RecordsAsync()).Count.ShouldBe(41);
        (host.ChainWriter.Groups - before).ShouldBeLessThan(40);
        await using var context = Database.CreateContext();
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task A_record_the_database_refuses_fails_its_own_call_and_the_others_appended_with_it_are_committed()
    {
        var logs = new LogCollector();
        var refused = "refused-" + Guid.NewGuid().ToString("N");
        await using (var context = Database.CreateContext())
        {
            await RefuseJwtIdAsync(context, refused, drop: false);
        }

        try
        {
            await using var host = new StoreHost(Database.Configure, Time, logs: logs);
            await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);

            // Twenty calls queued at once, the refused record last: it goes into a transaction with others.
            var calls = Enumerable.Range(0, 20)
                .Select(i => host.Sink.RecordAsync(Decision() with { JwtId = i == 19 ? refused : $"r{i}" }, CancellationToken.None).AsTask())
                .ToArray();

            await Should.ThrowAsync<DbException>(calls[19]);
            await Task.WhenAll(calls[..19]);
            logs.Count(4804).ShouldBeGreaterThan(0);
            var records = await RecordsAsync();
            records.Count.ShouldBe(20);
            records.ShouldNotContain(r => r.JwtId == refused);
            await using var context = Database.CreateContext();
            await Chain.ShouldBeIntactAsync(context);
        }
        finally
        {
            await using var context = Database.CreateContext();
            await RefuseJwtIdAsync(context, refused, drop: true);
        }
    }

    [Fact]
    public async Task With_a_batch_of_one_each_record_is_committed_in_a_group_of_its_own()
    {
        await using var host = new StoreHost(Database.Configure, Time, stores: s => s.MaxAppendBatch = 1);
        await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);
        var before = host.ChainWriter.Groups;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.Sink.RecordAsync(Decision() with { JwtId = $"r{i}" }, CancellationToken.None).AsTask()));

        (host.ChainWriter.Groups - before).ShouldBe(10);
        (await RecordsAsync()).Count.ShouldBe(11);
        await using var context = Database.CreateContext();
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task On_PostgreSQL_an_instance_appends_in_one_statement_after_its_first_append_on_SQLite_never()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await host.Sink.RecordAsync(Decision() with { JwtId = $"r{i}" }, CancellationToken.None);
        }

        host.ChainWriter.Groups.ShouldBe(6);
        host.ChainWriter.OneCommandGroups.ShouldBe(IsPostgreSql ? 5 : 0);
        (await RecordsAsync()).Select(r => r.JwtId).ShouldBe(["first", "r0", "r1", "r2", "r3", "r4"], ignoreOrder: true);
        await using var context = Database.CreateContext();
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task An_instance_whose_known_head_another_instance_moved_appends_under_the_head_lock_and_the_chain_stays_intact()
    {
        await using var first = new StoreHost(Database.Configure, Time);
        await using var second = new StoreHost(Database.Configure, Time);
        await first.Sink.RecordAsync(Decision() with { JwtId = "a1" }, CancellationToken.None);
        await second.Sink.RecordAsync(Decision() with { JwtId = "b1" }, CancellationToken.None);

        // The first instance knows the head as it left it before b1: its one statement finds it moved, writes nothing,
        // and the record goes in the usual way.
        await first.Sink.RecordAsync(Decision() with { JwtId = "a2" }, CancellationToken.None);
        await second.Sink.RecordAsync(Decision() with { JwtId = "b2" }, CancellationToken.None);
        await first.Sink.RecordAsync(Decision() with { JwtId = "a3" }, CancellationToken.None);

        first.ChainWriter.OneCommandGroups.ShouldBe(0);
        first.ChainWriter.OneCommandMisses.ShouldBe(IsPostgreSql ? 1 : 0);
        (await RecordsAsync()).Select(r => r.JwtId).ShouldBe(["a1", "b1", "a2", "b2", "a3"], ignoreOrder: true);
        await using var context = Database.CreateContext();
        var positions = await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).OrderBy(r => r.Sequence).Select(r => r.JwtId).ToListAsync();
        positions.ShouldBe(["a1", "b1", "a2", "b2", "a3"]);
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task A_replayed_pair_in_an_instance_that_knows_the_head_is_recorded_as_a_replay_and_consumed_once()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var ledger = (IJarLedgerDecisionSink)host.Sink;
        var jti = "jti-" + Guid.NewGuid().ToString("N");
        await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);

        var consumed = Decision() with { JwtId = jti };
        var replayed = Decision() with { JwtId = jti, Outcome = JarOutcome.Refused, Violations = [new JarViolation(JarRules.JwtIdReplayed, "Replayed.")] };
        var firstTime = await ledger.ConsumeAndRecordAsync(ClientId, jti, Start.AddMinutes(5), consumed, replayed, CancellationToken.None);
        var secondTime = await ledger.ConsumeAndRecordAsync(ClientId, jti, Start.AddMinutes(5), consumed, replayed, CancellationToken.None);

        firstTime.ShouldBeSameAs(consumed);
        secondTime.ShouldBeSameAs(replayed);

        // On PostgreSQL the first went in one statement; the replay's statement wrote nothing and it went the usual
        // way, and the one statement stays on for the next append.
        await host.Sink.RecordAsync(Decision() with { JwtId = "after" }, CancellationToken.None);
        host.ChainWriter.OneCommandGroups.ShouldBe(IsPostgreSql ? 2 : 0);
        host.ChainWriter.OneCommandMisses.ShouldBe(IsPostgreSql ? 1 : 0);
        var records = (await RecordsAsync()).Where(r => r.JwtId == jti).OrderBy(r => r.Sequence).ToList();
        records.Select(r => r.Outcome).ShouldBe([JarOutcome.Accepted, JarOutcome.Refused]);
        await using var context = Database.CreateContext();
        var entry = await context.Set<JarReplayEntry>().SingleAsync(e => e.ClientId == ClientId && e.JwtId == jti);
        entry.ExpiresAt.ShouldBe(Start.AddMinutes(5));
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task Pairs_consumed_at_once_by_one_instance_are_each_consumed_once()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var ledger = (IJarLedgerDecisionSink)host.Sink;
        await host.Sink.RecordAsync(Decision() with { JwtId = "first" }, CancellationToken.None);
        var jtis = Enumerable.Range(0, 10).Select(_ => "jti-" + Guid.NewGuid().ToString("N")).ToArray();

        // Each jti presented three times at once: one acceptance each, the others replays.
        var calls = jtis.SelectMany(jti => Enumerable.Range(0, 3).Select(_ =>
        {
            var consumed = Decision() with { JwtId = jti };
            var replayed = Decision() with { JwtId = jti, Outcome = JarOutcome.Refused, Violations = [new JarViolation(JarRules.JwtIdReplayed, "Replayed.")] };
            return ledger.ConsumeAndRecordAsync(ClientId, jti, Start.AddMinutes(5), consumed, replayed, CancellationToken.None).AsTask();
        })).ToArray();
        var outcomes = await Task.WhenAll(calls);

        outcomes.Count(d => d!.Outcome == JarOutcome.Accepted).ShouldBe(10);
        outcomes.Count(d => d!.Outcome == JarOutcome.Refused).ShouldBe(20);
        var records = (await RecordsAsync()).Where(r => jtis.Contains(r.JwtId)).ToList();
        records.Count.ShouldBe(30);
        records.GroupBy(r => r.JwtId).ShouldAllBe(g => g.Count(r => r.Outcome == JarOutcome.Accepted) == 1);
        await using var context = Database.CreateContext();
        await Chain.ShouldBeIntactAsync(context);
    }

    private async Task<bool> RecordAndReadBackAsync(StoreHost host, string jwtId)
    {
        await host.Sink.RecordAsync(Decision() with { JwtId = jwtId }, CancellationToken.None);
        await using var context = Database.CreateContext();
        return await context.Set<JarDecisionRecord>().AnyAsync(r => r.ClientId == ClientId && r.JwtId == jwtId);
    }

    // A rule of the database itself that refuses one record: a CHECK constraint on PostgreSQL, a trigger on SQLite.
    private static async Task RefuseJwtIdAsync(DbContext context, string jwtId, bool drop)
    {
        var sqlite = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var name = "refuse_" + jwtId.Replace('-', '_');
        var sql = (sqlite, drop) switch
        {
            (true, false) => $"""CREATE TRIGGER "{name}" BEFORE INSERT ON "JarDecisionRecords" WHEN NEW."JwtId" = '{jwtId}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END""",
            (true, true) => $"""DROP TRIGGER "{name}" """,
            (false, false) => $"""ALTER TABLE "JarDecisionRecords" ADD CONSTRAINT "{name}" CHECK ("JwtId" IS DISTINCT FROM '{jwtId}')""",
            (false, true) => $"""ALTER TABLE "JarDecisionRecords" DROP CONSTRAINT "{name}" """,
        };
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    private bool IsPostgreSql
    {
        get
        {
            using var context = Database.CreateContext();
            return context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
        }
    }

    private JarDecision Decision() => new()
    {
        Outcome = JarOutcome.Accepted,
        DecidedAt = Start,
        Endpoint = JarEndpoint.Authorization,
        ClientId = ClientId,
    };

    private async Task<List<JarDecisionRecord>> RecordsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).ToListAsync();
    }
}

public sealed class SqliteDecisionSinkTests(SqliteDatabase database) : DecisionSinkTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresDecisionSinkTests(PostgresDatabase database) : DecisionSinkTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
