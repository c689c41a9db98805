using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Decisions;

/// <summary>
/// The one-statement append of a group (PostgreSQL): it consumes every pair and moves the head from where the
/// instance left it, or writes nothing at all. SQLite has no such statement: the append is never tried there.
/// </summary>
public abstract class OneStatementAppendTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task A_group_with_one_taken_pair_writes_nothing_not_even_the_fresh_pairs_and_leaves_the_head()
    {
        await using var context = Database.CreateContext();
        var commands = ChainAppendCommands.For(context)!;
        var taken = "taken-" + Guid.NewGuid().ToString("N");
        var fresh = "fresh-" + Guid.NewGuid().ToString("N");
        var head = await SeedPairAsync(context, taken, Start.AddMinutes(5));

        var (outcome, _) = await TryAsync(context, commands, head, Consuming(fresh), Consuming(taken));

        outcome.ShouldBe(commands.HasOneCommandAppend ? OneCommandOutcome.PairTaken : OneCommandOutcome.NotTried);
        commands.HasOneCommandAppend.ShouldBe(IsPostgreSql(context));
        await ShouldHaveWrittenNothingAsync(context, fresh, records: 0, head);
    }

    [Fact]
    public async Task A_group_after_a_head_that_moved_or_whose_hash_differs_writes_nothing_and_says_so()
    {
        await using var context = Database.CreateContext();
        var commands = ChainAppendCommands.For(context)!;
        var fresh = "fresh-" + Guid.NewGuid().ToString("N");
        await using (var host = new StoreHost(Database.Configure, Time))
        {
            await host.Sink.RecordAsync(Record("before"), CancellationToken.None);
        }

        var head = (await ChainAppendCommands.ReadHeadAsync(context, CancellationToken.None))!.Value;
        var expected = commands.HasOneCommandAppend ? OneCommandOutcome.HeadMoved : OneCommandOutcome.NotTried;

        // A position behind the head, then the head's position with another hash (a head rewritten since).
        var (behind, _) = await TryAsync(context, commands, head with { Sequence = head.Sequence - 1 }, Consuming(fresh));
        var (rewritten, _) = await TryAsync(context, commands, head with { Hash = new string('0', head.Hash.Length) }, Consuming(fresh));

        behind.ShouldBe(expected);
        rewritten.ShouldBe(expected);
        await ShouldHaveWrittenNothingAsync(context, fresh, records: 1, head);
    }

    [Fact]
    public async Task A_group_takes_over_an_expired_pair_consumes_the_fresh_ones_and_links_its_records_after_the_head()
    {
        await using var context = Database.CreateContext();
        var commands = ChainAppendCommands.For(context)!;
        var expired = "expired-" + Guid.NewGuid().ToString("N");
        var fresh = "fresh-" + Guid.NewGuid().ToString("N");
        var head = await SeedPairAsync(context, expired, Start.AddMinutes(-1));

        var entries = new[] { Consuming(expired), ChainEntry.Of(EntityFrameworkDecisionSink<TestDbContext>.ToRecord(Record("plain"))), Consuming(fresh) };
        var (outcome, moved) = await TryAsync(context, commands, head, entries);

        if (!commands.HasOneCommandAppend)
        {
            outcome.ShouldBe(OneCommandOutcome.NotTried);
            return;
        }

        outcome.ShouldBe(OneCommandOutcome.Committed);
        moved.ShouldBe(new ChainHead(head.Sequence + 3, entries[2].Record.Hash!));
        (await ChainAppendCommands.ReadHeadAsync(context, CancellationToken.None)).ShouldBe(moved);
        entries.ShouldAllBe(e => e.Consumed);
        var pairs = await context.Set<JarReplayEntry>().Where(e => e.ClientId == ClientId).ToListAsync();
        pairs.ShouldAllBe(e => e.ExpiresAt == Start.AddMinutes(5));
        pairs.Count.ShouldBe(2);
        var records = await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).OrderBy(r => r.Sequence).ToListAsync();
        records.Select(r => r.JwtId).ShouldBe([expired, "plain", fresh]);
        records.Select(r => r.Sequence).ShouldBe([head.Sequence + 1, head.Sequence + 2, head.Sequence + 3]);
        records[0].PreviousHash.ShouldBe(head.Hash);
        await Chain.ShouldBeIntactAsync(context);
    }

    /// <summary>No ledger entry for <paramref name="jti"/>, only the client's <paramref name="records"/> records from before, the head where it was.</summary>
    private async Task ShouldHaveWrittenNothingAsync(DbContext context, string jti, int records, ChainHead head)
    {
        (await context.Set<JarReplayEntry>().AnyAsync(e => e.ClientId == ClientId && e.JwtId == jti)).ShouldBeFalse();
        (await context.Set<JarDecisionRecord>().CountAsync(r => r.ClientId == ClientId)).ShouldBe(records);
        (await ChainAppendCommands.ReadHeadAsync(context, CancellationToken.None)).ShouldBe(head);
    }

    /// <summary>A ledger entry of the test's client, written before the group; returns the head as it then is.</summary>
    private async Task<ChainHead> SeedPairAsync(DbContext context, string jti, DateTimeOffset expiresAt)
    {
        context.Add(new JarReplayEntry { ClientId = ClientId, JwtId = jti, ExpiresAt = expiresAt });
        await context.SaveChangesAsync();
        context.ChangeTracker.Clear();
        return (await ChainAppendCommands.ReadHeadAsync(context, CancellationToken.None))!.Value;
    }

    private static async Task<(OneCommandOutcome Outcome, ChainHead Head)> TryAsync(DbContext context, ChainAppendCommands commands, ChainHead head, params ChainEntry[] entries)
    {
        await context.Database.OpenConnectionAsync();
        try
        {
            return await commands.TryAppendAtAsync(context, entries, head, Start.UtcDateTime, CancellationToken.None);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private ChainEntry Consuming(string jti) => ChainEntry.Consuming(
        new ChainEntry.LedgerPair(ClientId, jti, Start.AddMinutes(5).UtcDateTime),
        EntityFrameworkDecisionSink<TestDbContext>.ToRecord(Record(jti)),
        EntityFrameworkDecisionSink<TestDbContext>.ToRecord(Record(jti) with { Outcome = JarOutcome.Refused, Violations = [new JarViolation(JarRules.JwtIdReplayed, "Replayed.")] }));

    private JarDecision Record(string jti) => new()
    {
        Outcome = JarOutcome.Accepted,
        DecidedAt = Start,
        Endpoint = JarEndpoint.Authorization,
        ClientId = ClientId,
        JwtId = jti,
    };

    private static bool IsPostgreSql(DbContext context) => context.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}

public sealed class SqliteOneStatementAppendTests(SqliteDatabase database) : OneStatementAppendTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresOneStatementAppendTests(PostgresDatabase database) : OneStatementAppendTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
