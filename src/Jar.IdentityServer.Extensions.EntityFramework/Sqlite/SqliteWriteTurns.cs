using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Turns at one SQLite file's write lock, for the writers of this process. SQLite lets one transaction write at a
/// time; a writer that finds the file locked sleeps inside SQLite's busy handler (1, 2, 5, 10 ms ... between attempts)
/// and tries again, so under load the lock is often free while its next writer is still asleep, and each attempt
/// costs system calls. Here writers queue instead: a writer waits for its turn without holding a thread and is woken
/// the moment the previous one leaves.
/// </summary>
/// <remarks>
/// A turn is an optimisation, never the guarantee: SQLite's own lock still orders every write, inside this process
/// and across processes. So a turn held longer than <c>patience</c> (a writer that never left, or a very long one) is
/// taken over by the next writer, which then meets the lock in SQLite as it would without turns; the late leave of the
/// turn taken over is ignored. A writer takes a turn only while it holds no SQLite lock (before its transaction
/// begins), so waiting for a turn cannot deadlock against a writer that waits for the file.
/// </remarks>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "One per SQLite file for the life of the process; its semaphore never needs a wait handle.")]
internal sealed class SqliteWriteTurns
{
    /// <summary>What every writer waits at most before it takes a turn over.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(5);

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    // One set of turns per file, for the life of the process (a file's lock is one, whichever context opens it).
    private static readonly ConcurrentDictionary<string, SqliteWriteTurns> Files = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _free = new(1, 1);
    private readonly Lock _sync = new();

    // The number of the turn that holds the file; only that turn's leave frees it.
    private long _current;
    private long _takeOvers;

    private SqliteWriteTurns()
    {
    }

    /// <summary>The turns of the file <paramref name="context"/> writes to; null unless it is a SQLite context.</summary>
    public static SqliteWriteTurns? For(DbContext context)
    {
        if (!string.Equals(context.Database.ProviderName, SqliteProvider, StringComparison.Ordinal))
        {
            return null;
        }

        var file = context.Database.GetDbConnection().DataSource;
        return Files.GetOrAdd(Path.GetFullPath(file is { Length: > 0 } ? file : ":memory:"), static _ => new SqliteWriteTurns());
    }

    /// <summary>
    /// A turn at the file <paramref name="context"/> writes to, for a write of these stores that holds no SQLite lock
    /// yet; null (nothing to wait for) unless it is a SQLite context.
    /// </summary>
    public static async ValueTask<SqliteWriteTurn?> EnterAsync(DbContext context, CancellationToken cancellationToken) =>
        For(context) is { } turns ? await turns.EnterAsync(DefaultPatience, cancellationToken).ConfigureAwait(false) : null;

    /// <summary>How many turns were taken over after waiting the whole patience (a writer held its turn too long).</summary>
    public long TakeOvers => Interlocked.Read(ref _takeOvers);

    /// <summary>Whether no writer of this process holds a turn now.</summary>
    public bool IsFree => _free.CurrentCount == 1;

    /// <summary>Waits for the file's next turn, at most <paramref name="patience"/>; then takes the turn over.</summary>
    public async ValueTask<SqliteWriteTurn> EnterAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var free = await _free.WaitAsync(patience, cancellationToken).ConfigureAwait(false);
        return Take(free);
    }

    /// <summary>The same, blocking: for synchronous saves.</summary>
    public SqliteWriteTurn Enter(TimeSpan patience, CancellationToken cancellationToken)
    {
        var free = _free.Wait(patience, cancellationToken);
        return Take(free);
    }

    private SqliteWriteTurn Take(bool free)
    {
        lock (_sync)
        {
            // Freed between the wait's end and here: an ordinary turn after all.
            if (!free && !_free.Wait(0))
            {
                Interlocked.Increment(ref _takeOvers);
            }

            return new SqliteWriteTurn(this, ++_current);
        }
    }

    internal void Leave(long number)
    {
        lock (_sync)
        {
            if (_current == number)
            {
                _free.Release();
            }
        }
    }
}

/// <summary>One writer's turn at a SQLite file; disposing it (once) lets the next writer in.</summary>
internal sealed class SqliteWriteTurn(SqliteWriteTurns turns, long number) : IDisposable
{
    private int _left;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            turns.Leave(number);
        }
    }
}
