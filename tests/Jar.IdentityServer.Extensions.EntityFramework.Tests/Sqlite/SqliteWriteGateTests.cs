using System.Data.Common;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Sqlite;

/// <summary>
/// The SQLite write gate on a real file: every write command runs in a turn, every way a save ends gives its turn
/// back, a turn held too long is taken over once, and a save inside the caller's own transaction does not wait.
/// Each test has a file of its own, so its turns are its own.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);
    private readonly SqliteDatabase _database = new();
    private readonly WritesInTurn _watch = new();
    private SqliteWriteTurns _turns = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var context = _database.CreateContext();
        _turns = SqliteWriteTurns.For(context).ShouldNotBeNull();
        _watch.Turns = _turns;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Saves_and_decision_appends_made_at_once_all_commit_each_write_in_a_turn_of_its_own()
    {
        await using var host = new StoreHost(o => Gated(o, SqliteWriteGate.Instance), new FakeTimeProvider(Start));
        var saves = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var context = Context(SqliteWriteGate.Instance);
            context.Add(Entry($"jti-{i}"));
            await context.SaveChangesAsync();
        });
        var appends = Enumerable.Range(0, 20).Select(i => host.Sink.RecordAsync(Decision($"r{i}"), CancellationToken.None).AsTask());

        await Task.WhenAll(saves.Concat(appends));

        // And one append alone, with no save beside it that could hold a turn for it.
        await host.Sink.RecordAsync(Decision("alone"), CancellationToken.None);

        _watch.OutOfTurn.ShouldBe(0);
        _watch.Writes.ShouldBe(20);
        _watch.Transactions.ShouldBeGreaterThanOrEqualTo(2);
        _turns.IsFree.ShouldBeTrue();
        _turns.TakeOvers.ShouldBe(0);
        await using var check = _database.CreateContext();
        (await check.Set<JarReplayEntry>().CountAsync()).ShouldBe(20);
        (await check.Set<JarDecisionRecord>().CountAsync()).ShouldBe(21);
        await Chain.ShouldBeIntactAsync(check);
    }

    [Fact]
    public async Task A_concurrency_conflict_which_reaches_no_interceptor_still_gives_the_turn_back()
    {
        await using (var seed = Context(SqliteWriteGate.Instance))
        {
            seed.Add(Entry("jti"));
            await seed.SaveChangesAsync();
        }

        await using var stale = Context(SqliteWriteGate.Instance);
        var entry = await stale.Set<JarReplayEntry>().SingleAsync();
        await using (var other = Context(SqliteWriteGate.Instance))
        {
            other.Remove(await other.Set<JarReplayEntry>().SingleAsync());
            await other.SaveChangesAsync();
        }

        entry.ExpiresAt = Start.AddHours(1);
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());

        _turns.IsFree.ShouldBeTrue();
        _turns.TakeOvers.ShouldBe(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_save_the_database_refuses_gives_the_turn_back_and_the_next_save_commits(bool asynchronous)
    {
        await using (var seed = Context(SqliteWriteGate.Instance))
        {
            seed.Add(Entry("jti"));
            await seed.SaveChangesAsync();
        }

        await using (var duplicate = Context(SqliteWriteGate.Instance))
        {
            duplicate.Add(Entry("jti"));
            var error = asynchronous
                ? await Should.ThrowAsync<DbUpdateException>(() => duplicate.SaveChangesAsync())
                : Should.Throw<DbUpdateException>(() => duplicate.SaveChanges());
            UniqueViolation.Is(error).ShouldBeTrue();
        }

        _turns.IsFree.ShouldBeTrue();
        await using (var next = Context(SqliteWriteGate.Instance))
        {
            next.Add(Entry("jti-next"));
            if (asynchronous)
            {
                await next.SaveChangesAsync();
            }
            else
            {
                next.SaveChanges();
            }
        }

        _turns.IsFree.ShouldBeTrue();
        _turns.TakeOvers.ShouldBe(0);
        _watch.OutOfTurn.ShouldBe(0);
    }

    [Fact]
    public async Task A_save_cancelled_while_it_waits_for_its_turn_takes_none_and_writes_nothing()
    {
        var held = await _turns.EnterAsync(Long, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        await using (var context = Context(SqliteWriteGate.Instance))
        {
            context.Add(Entry("jti"));
            var save = context.SaveChangesAsync(cancel.Token);
            await cancel.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(() => save);
        }

        held.Dispose();
        _turns.IsFree.ShouldBeTrue();
        _turns.TakeOvers.ShouldBe(0);
        await using var check = _database.CreateContext();
        (await check.Set<JarReplayEntry>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_turn_held_past_the_patience_is_taken_over_once_and_its_late_leave_frees_nothing()
    {
        var impatient = new SqliteWriteGate(TimeSpan.FromMilliseconds(50));
        var stale = await _turns.EnterAsync(Long, CancellationToken.None);

        await using (var context = Context(impatient))
        {
            context.Add(Entry("jti"));
            await context.SaveChangesAsync();
        }

        _turns.TakeOvers.ShouldBe(1);
        _turns.IsFree.ShouldBeTrue();

        // The stale holder leaves late: ignored, so the file has one turn, not two.
        stale.Dispose();
        _turns.IsFree.ShouldBeTrue();
        using var first = await _turns.EnterAsync(TimeSpan.Zero, CancellationToken.None);
        _turns.TakeOvers.ShouldBe(1);
        using (await _turns.EnterAsync(TimeSpan.Zero, CancellationToken.None))
        {
            _turns.TakeOvers.ShouldBe(2);
        }

        _turns.IsFree.ShouldBeTrue();
        await using var check = _database.CreateContext();
        (await check.Set<JarReplayEntry>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_save_inside_the_callers_transaction_goes_through_without_waiting_for_a_turn()
    {
        using var held = await _turns.EnterAsync(Long, CancellationToken.None);
        await using var context = Context(SqliteWriteGate.Instance);
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Add(Entry("jti"));
            await context.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        _turns.TakeOvers.ShouldBe(0);
        _turns.IsFree.ShouldBeFalse();
        await using var check = _database.CreateContext();
        (await check.Set<JarReplayEntry>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public void Other_providers_have_no_turns()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").Options;
        using var context = new TestDbContext(options);
        SqliteWriteTurns.For(context).ShouldBeNull();
    }

    private void Gated(DbContextOptionsBuilder options, SqliteWriteGate gate)
    {
        _database.Configure(options);
        options.AddInterceptors(gate, _watch);
    }

    private TestDbContext Context(SqliteWriteGate gate)
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Gated(options, gate);
        return new TestDbContext(options.Options);
    }

    private static JarReplayEntry Entry(string jwtId) => new() { ClientId = "client", JwtId = jwtId, ExpiresAt = Start.AddMinutes(5) };

    private static JarDecision Decision(string jwtId) => new()
    {
        Outcome = JarOutcome.Accepted,
        DecidedAt = Start,
        Endpoint = JarEndpoint.Authorization,
        ClientId = "client",
        JwtId = jwtId,
    };

    /// <summary>
    /// Counts the write commands EF Core runs (the saves') and the transactions begun and committed through it (the
    /// decision chain's, whose commands are its own), and those of either that run while no writer of the process
    /// holds the file's turn.
    /// </summary>
    private sealed class WritesInTurn : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _writes;
        private int _transactions;
        private int _outOfTurn;

        public SqliteWriteTurns? Turns { get; set; }

        public int Writes => Volatile.Read(ref _writes);

        public int Transactions => Volatile.Read(ref _transactions);

        public int OutOfTurn => Volatile.Read(ref _outOfTurn);

        public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            InTurn(ref _transactions);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            InTurn(ref _transactions);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Checked(command, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Checked(command, result));

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Checked(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Checked(command, result));

        private T Checked<T>(DbCommand command, T result)
        {
            Check(command);
            return result;
        }

        private void Check(DbCommand command)
        {
            var text = command.CommandText;
            if (text.Contains("INSERT", StringComparison.OrdinalIgnoreCase) || text.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) || text.Contains("DELETE", StringComparison.OrdinalIgnoreCase))
            {
                InTurn(ref _writes);
            }
        }

        private void InTurn(ref int count)
        {
            Interlocked.Increment(ref count);
            if (Turns is { IsFree: true })
            {
                Interlocked.Increment(ref _outOfTurn);
            }
        }
    }
}
