using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Replay;

/// <summary>The replay ledger on a real database: RFC 9101 §10.2 single use, across instances sharing it.</summary>
public abstract class ReplayLedgerTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{

    [Fact]
    public async Task Exactly_one_of_64_parallel_consumers_of_one_jti_wins_across_two_instances()
    {
        await using var first = new StoreHost(Database.Configure, Time);
        await using var second = new StoreHost(Database.Configure, Time);

        var results = await ConsumeInParallelAsync(64, i => (i % 2 == 0 ? first : second).Ledger, "jti-race", Start.AddMinutes(5));

        results.Count(won => won).ShouldBe(1);
        (await EntriesAsync()).Select(e => e.JwtId).ShouldBe(["jti-race"]);
    }

    [Fact]
    public async Task A_consumed_jti_is_refused_the_second_time()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        (await host.Ledger.TryConsumeAsync(ClientId, "jti-once", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
        (await host.Ledger.TryConsumeAsync(ClientId, "jti-once", Start.AddMinutes(5), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Different_clients_may_use_the_same_jti()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var other = ClientId + "-other";

        (await host.Ledger.TryConsumeAsync(ClientId, "jti-shared", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
        (await host.Ledger.TryConsumeAsync(other, "jti-shared", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Jti_values_differing_only_in_case_are_different()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        (await host.Ledger.TryConsumeAsync(ClientId, "jti-Case", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
        (await host.Ledger.TryConsumeAsync(ClientId, "jti-case", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unexpired_entry_is_not_taken_over()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        (await host.Ledger.TryConsumeAsync(ClientId, "jti-live", Start.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();

        Time.Advance(TimeSpan.FromMinutes(4));

        (await host.Ledger.TryConsumeAsync(ClientId, "jti-live", Start.AddMinutes(20), CancellationToken.None)).ShouldBeFalse();
        (await EntriesAsync()).Single().ExpiresAt.ShouldBe(Start.AddMinutes(5));
    }

    [Fact]
    public async Task An_expired_entry_is_taken_over_by_exactly_one_of_64_parallel_consumers()
    {
        await using var first = new StoreHost(Database.Configure, Time);
        await using var second = new StoreHost(Database.Configure, Time);
        (await first.Ledger.TryConsumeAsync(ClientId, "jti-expired", Start.AddMinutes(1), CancellationToken.None)).ShouldBeTrue();
        Time.Advance(TimeSpan.FromMinutes(2));

        var results = await ConsumeInParallelAsync(64, i => (i % 2 == 0 ? first : second).Ledger, "jti-expired", Start.AddMinutes(10));

        results.Count(won => won).ShouldBe(1);
        (await EntriesAsync()).Single().ExpiresAt.ShouldBe(Start.AddMinutes(10));
    }

    [Fact]
    public async Task Pruning_deletes_only_expired_entries()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        await ClearAsync();
        await ConsumeAsync(host, "jti-expired-1", Start.AddMinutes(1));
        await ConsumeAsync(host, "jti-expired-2", Start.AddMinutes(2));
        await ConsumeAsync(host, "jti-live", Start.AddMinutes(2).AddSeconds(1));
        Time.Advance(TimeSpan.FromMinutes(2));

        var pruned = await host.Services.GetRequiredService<EntityFrameworkReplayLedger<TestDbContext>>().PruneAsync(CancellationToken.None);

        pruned.ShouldBe(2);
        (await EntriesAsync()).Select(e => e.JwtId).ShouldBe(["jti-live"]);
    }

    [Fact]
    public async Task The_pruning_service_deletes_expired_entries_at_each_interval()
    {
        var logs = new LogCollector();
        await using var host = new StoreHost(Database.Configure, Time, stores: o => o.ReplayPruneInterval = TimeSpan.FromMinutes(1), logs: logs);
        await ClearAsync();
        await ConsumeAsync(host, "jti-expired", Start.AddSeconds(30));
        await ConsumeAsync(host, "jti-live", Start.AddMinutes(5));
        var service = host.Services.GetServices<IHostedService>().OfType<ReplayPruningService<TestDbContext>>().Single();
        await service.StartAsync(CancellationToken.None);
        try
        {
            Time.Advance(TimeSpan.FromMinutes(1));
            await logs.WaitForAsync(4200);

            (await EntriesAsync()).Select(e => e.JwtId).ShouldBe(["jti-live"]);
            logs.Count(4201).ShouldBe(0);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_ledger_throw_instead_of_answering()
    {
        await using var host = new StoreHost(Database.ConfigureUnreachable, Time);

        await Failures.ShouldFailOnTheDatabaseAsync(() => host.Ledger.TryConsumeAsync(ClientId, "jti-down", Start.AddMinutes(5), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task A_jti_longer_than_the_engine_accepts_is_refused_before_the_database()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() =>
            host.Ledger.TryConsumeAsync(ClientId, new string('j', JarReplayEntry.MaxJwtIdLength + 1), Start.AddMinutes(5), CancellationToken.None).AsTask());
        (await EntriesAsync()).ShouldBeEmpty();
    }

    private async Task<bool[]> ConsumeInParallelAsync(int count, Func<int, IReplayLedger> ledger, string jti, DateTimeOffset expiresAt)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumers = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await ledger(i).TryConsumeAsync(ClientId, jti, expiresAt, CancellationToken.None);
        })).ToArray();
        gate.SetResult();
        return await Task.WhenAll(consumers);
    }

    private async Task ConsumeAsync(StoreHost host, string jti, DateTimeOffset expiresAt) =>
        (await host.Ledger.TryConsumeAsync(ClientId, jti, expiresAt, CancellationToken.None)).ShouldBeTrue();

    private async Task<List<JarReplayEntry>> EntriesAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Set<JarReplayEntry>().Where(e => e.ClientId == ClientId).OrderBy(e => e.JwtId).ToListAsync();
    }

    private async Task ClearAsync()
    {
        await using var context = Database.CreateContext();
        await context.Set<JarReplayEntry>().ExecuteDeleteAsync();
    }
}

public sealed class SqliteReplayLedgerTests(SqliteDatabase database) : ReplayLedgerTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresReplayLedgerTests(PostgresDatabase database) : ReplayLedgerTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
