using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Group commit for the decision chain on SQLite and PostgreSQL: the records an instance has to append while an
/// append is under way wait for it, then go in together, in one transaction that locks the chain head once
/// (<see cref="ChainAppendCommands"/>). Each caller's task completes only when the transaction holding its record has
/// committed, so no request is answered before its record (and its <c>jti</c>) is durable; under load, several
/// requests share one lock, two commands and one commit instead of one each. One writer per instance, so the appends
/// of one instance never queue on the head row's lock against each other; other instances' writers do.
/// </summary>
/// <remarks>
/// When a transaction of several records fails, each is tried again in a transaction of its own, so a record that
/// cannot be written (or a store that is down) fails its own request only; the ones that commit are answered as
/// usual. A caller that gives up waiting (its request aborted) does not take its record out: once queued, it is
/// written.
/// </remarks>
internal sealed class ChainAppendQueue<TContext> : IAsyncDisposable, IDisposable
    where TContext : DbContext
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly JarDbContexts<TContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _batch;
    private readonly Task _writer;

    // The head as this instance's writer last committed it; only the writer reads or sets it.
    private ChainHead? _head;

    // After a one-statement append that found the head moved (other instances appending too), the next groups go the
    // usual way without trying it: a statement that fails costs a round trip.
    private const int GroupsAfterMiss = 8;
    private int _skipOneCommand;
    private long _groups;
    private long _oneCommandGroups;
    private long _oneCommandMisses;

    public ChainAppendQueue(JarDbContexts<TContext> contexts, TimeProvider time, IOptions<JarEntityFrameworkStoreOptions> options, ILogger<ChainAppendQueue<TContext>> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        _batch = options.Value.MaxAppendBatch;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Queues <paramref name="entry"/> and completes when it is committed; throws when it could not be.</summary>
    public Task AppendAsync(ChainEntry entry, CancellationToken cancellationToken)
    {
        var pending = new Pending(entry);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(GetType().Name, "The decision chain's writer has stopped.");
        }

        return pending.Committed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The groups committed so far (one lock of the head, one commit each).</summary>
    internal long Groups => Interlocked.Read(ref _groups);

    /// <summary>Of <see cref="Groups"/>, those appended in one statement (PostgreSQL, the head as this instance left it).</summary>
    internal long OneCommandGroups => Interlocked.Read(ref _oneCommandGroups);

    /// <summary>One-statement appends that wrote nothing (the head moved, or a pair was taken) and went the usual way.</summary>
    internal long OneCommandMisses => Interlocked.Read(ref _oneCommandMisses);

    public void Dispose() => _pending.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var reader = _pending.Reader;
        var batch = new List<Pending>(_batch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _batch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception error) when (batch.Count > 1)
            {
                JarStoreLog.ChainBatchFailed(_logger, batch.Count, error);
                foreach (var pending in batch)
                {
                    await CommitAloneAsync(pending).ConfigureAwait(false);
                }
            }
            catch (Exception error)
            {
                batch[0].Committed.TrySetException(error);
            }
        }
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            await CommitAsync([pending]).ConfigureAwait(false);
            pending.Committed.TrySetResult();
        }
        catch (Exception error)
        {
            pending.Committed.TrySetException(error);
        }
    }

    // Not the callers' cancellation: a record queued is written, whoever still waits for it.
    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var lease = await _contexts.CreateAsync(CancellationToken.None).ConfigureAwait(false);
        var database = lease.Context;
        var commands = ChainAppendCommands.For(database)
            ?? throw new InvalidOperationException("The decision chain's group commit needs SQLite or PostgreSQL.");
        var entries = batch.Select(p => p.Entry).ToArray();
        var now = _time.GetUtcNow().UtcDateTime;

        // Known again only once this append has committed.
        var known = _head;
        _head = null;
        if (_skipOneCommand > 0)
        {
            _skipOneCommand--;
        }
        else if (known is { } head && commands.HasOneCommandAppend)
        {
            // PostgreSQL, the head as this writer left it: one statement, unless another instance appended since or a
            // pair was taken; then the usual transaction below.
            var (outcome, moved) = await TryOneCommandAsync(database, commands, entries, head, now).ConfigureAwait(false);
            switch (outcome)
            {
                case OneCommandOutcome.Committed:
                    _head = moved;
                    Interlocked.Increment(ref _oneCommandGroups);
                    Interlocked.Increment(ref _groups);
                    return;
                case OneCommandOutcome.HeadMoved:
                    Interlocked.Increment(ref _oneCommandMisses);
                    _skipOneCommand = GroupsAfterMiss;
                    break;
                case OneCommandOutcome.PairTaken:
                    Interlocked.Increment(ref _oneCommandMisses);
                    break;
            }
        }

        _head = await database.Database.CreateExecutionStrategy().ExecuteAsync(
            (database, commands, entries, now),
            static async (_, state, cancellationToken) =>
            {
                state.database.ChangeTracker.Clear();
                await using var transaction = await state.database.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var moved = await state.commands.AppendAsync(state.database, state.entries, state.now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return moved;
            },
            verifySucceeded: null,
            CancellationToken.None).ConfigureAwait(false);
        Interlocked.Increment(ref _groups);
    }

    private async Task<(OneCommandOutcome Outcome, ChainHead Head)> TryOneCommandAsync(
        TContext database, ChainAppendCommands commands, ChainEntry[] entries, ChainHead head, DateTime now)
    {
        try
        {
            await database.Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                return await commands.TryAppendAtAsync(database, entries, head, now, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                await database.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not DbException { SqlState: not null })
        {
            // No answer from the server (the connection lost, a timeout): the statement may have committed. The head
            // tells, read on another connection: moved on to where this statement would have left it, the group is
            // in; else nothing of it is, and the failure stands (the group is then tried record by record).
            var expected = new ChainHead(head.Sequence + entries.Length, entries[^1].Record.Hash!);
            ChainHead? found;
            try
            {
                await using var lease = await _contexts.CreateAsync(CancellationToken.None).ConfigureAwait(false);
                found = await ChainAppendCommands.ReadHeadAsync(lease.Context, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                ExceptionDispatchInfo.Throw(error);
                throw;
            }

            if (found == expected)
            {
                return (OneCommandOutcome.Committed, expected);
            }

            throw;
        }
    }

    private sealed class Pending(ChainEntry entry)
    {
        public ChainEntry Entry { get; } = entry;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
