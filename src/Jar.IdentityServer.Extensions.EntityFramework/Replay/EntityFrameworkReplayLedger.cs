using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The replay ledger in the shared database (RFC 9101 §10.2): consuming a <c>jti</c> is one INSERT guarded by the
/// (ClientId, JwtId) primary key, so of any number of concurrent consumers on any number of instances exactly one
/// wins. A unique violation means a replay; any other failure throws (the engine fails closed).
/// </summary>
internal sealed class EntityFrameworkReplayLedger<TContext>(JarDbContexts<TContext> contexts, TimeProvider time) : IReplayLedger
    where TContext : DbContext
{
    public async ValueTask<bool> TryConsumeAsync(string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        CheckBounds(clientId, jwtId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var context = lease.Context;
        if (ReplayEntryInsert.For(context) is { } insert)
        {
            // One statement, no change tracking: 1 row inserted means consumed, 0 means the pair is taken.
            if (await insert.ExecuteAsync(context, clientId, jwtId, expiresAt, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        else if (await TryAddTrackedAsync(context, clientId, jwtId, expiresAt, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return await TakeOverExpiredAsync(context, clientId, jwtId, expiresAt, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same bound on every provider (SQLite would store a longer value, the others refuse it).</summary>
    internal static void CheckBounds(string clientId, string jwtId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(jwtId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clientId.Length, JarClientPolicy.MaxClientIdLength, nameof(clientId));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jwtId.Length, JarReplayEntry.MaxJwtIdLength, nameof(jwtId));
    }

    /// <summary>
    /// The pair is taken. An entry past its expiry no longer protects anything (the object it guarded is refused as
    /// expired), so, as the in-memory ledger does, a new object may take it over: one UPDATE whose WHERE holds the
    /// expiry check, which the database evaluates under the row's lock, so of concurrent takers one wins.
    /// </summary>
    private static async Task<bool> TakeOverExpiredAsync(DbContext context, string clientId, string jwtId, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = await context.Set<JarReplayEntry>()
            .Where(e => e.ClientId == clientId && e.JwtId == jwtId && e.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, expiresAt), cancellationToken)
            .ConfigureAwait(false);
        return taken == 1;
    }

    /// <summary>Any other provider: a tracked entity, and its unique violation caught.</summary>
    private static async Task<bool> TryAddTrackedAsync(TContext context, string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        context.Set<JarReplayEntry>().Add(new JarReplayEntry { ClientId = clientId, JwtId = jwtId, ExpiresAt = expiresAt });
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            context.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Deletes every entry whose object has expired; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        return await lease.Context.Set<JarReplayEntry>()
            .Where(e => e.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
