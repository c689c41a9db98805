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
        await database.Database.CreateExecutionStrategy().ExecuteAsync(
            (database, commands, entries, time: _time),
            static async (_, state, cancellationToken) =>
            {
                state.database.ChangeTracker.Clear();
                await using var transaction = await state.database.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await state.commands.AppendAsync(state.database, state.entries, state.time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            verifySucceeded: null,
            CancellationToken.None).ConfigureAwait(false);
    }

    private sealed class Pending(ChainEntry entry)
    {
        public ChainEntry Entry { get; } = entry;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
