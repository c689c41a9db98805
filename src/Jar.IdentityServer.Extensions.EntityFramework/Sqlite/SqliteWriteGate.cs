using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Queues the <c>SaveChanges</c> calls of the contexts it is added to for their SQLite file's write lock, with the
/// decision chain's writer and the replay ledger of these stores, instead of letting them collide in SQLite's busy
/// handler, which sleeps between attempts. Add it to the interceptors of every SQLite context of the host, OpenIddict's
/// included: <c>options.UseSqlite(...).AddInterceptors(SqliteWriteGate.Instance)</c>. On any other provider it does
/// nothing.
/// </summary>
/// <remarks>
/// A save inside a transaction the caller began is let through as it is: that transaction may already hold the file,
/// and waiting for a turn while holding it could stall the writer whose turn it is. A turn held longer than five
/// seconds is taken over (see the project's docs/performance.md): SQLite's own lock orders the writes in any case, so
/// the gate can make writers faster, never unsafe.
/// </remarks>
public sealed class SqliteWriteGate : SaveChangesInterceptor
{
    // The turn each context holds during its save, until one of the save's ends gives it back.
    private readonly ConditionalWeakTable<DbContext, SqliteWriteTurn> _held = [];
    private readonly TimeSpan _patience;

    internal SqliteWriteGate(TimeSpan patience) => _patience = patience;

    /// <summary>The gate, shared by every context of the process (the turns belong to each file, not to the gate).</summary>
    public static SqliteWriteGate Instance { get; } = new(SqliteWriteTurns.DefaultPatience);

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Turns(eventData.Context) is { } turns)
        {
            Hold(eventData.Context!, turns.Enter(_patience, CancellationToken.None));
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Turns(eventData.Context) is { } turns)
        {
            Hold(eventData.Context!, await turns.EnterAsync(_patience, cancellationToken).ConfigureAwait(false));
        }

        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) => Leave(eventData?.Context, result);

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Leave(eventData?.Context, result));

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData?.Context);

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(eventData?.Context, Task.CompletedTask);

    /// <inheritdoc />
    public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData?.Context);

    /// <inheritdoc />
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        Leave(eventData?.Context, Task.CompletedTask);

    private SqliteWriteTurns? Turns(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null || SqliteWriteTurns.For(context) is not { } turns)
        {
            return null;
        }

        // A turn this context still holds: its last save ended where EF Core calls no interceptor.
        Leave(context);

        // EF Core detects changes after this interceptor and outside the part of the save that reports a failure:
        // detected here, before the turn is taken, a failure to detect them cannot keep the turn.
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        return turns;
    }

    private void Hold(DbContext context, SqliteWriteTurn turn)
    {
        _held.AddOrUpdate(context, turn);

        // A concurrency conflict reaches no interceptor, only this event (it also follows the other failures; the
        // second leave finds nothing held).
        context.SaveChangesFailed -= OnSaveChangesFailed;
        context.SaveChangesFailed += OnSaveChangesFailed;
    }

    private void OnSaveChangesFailed(object? sender, SaveChangesFailedEventArgs e) => Leave(sender as DbContext);

    private T Leave<T>(DbContext? context, T result)
    {
        Leave(context);
        return result;
    }

    private void Leave(DbContext? context)
    {
        if (context is not null && _held.TryGetValue(context, out var turn) && _held.Remove(context))
        {
            turn.Dispose();
        }
    }
}
