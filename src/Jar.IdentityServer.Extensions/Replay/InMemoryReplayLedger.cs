using System.Collections.Concurrent;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// A replay ledger for a single instance. Entries live until their object expires; expired ones are swept on
/// the way, at most once a minute, so memory is bounded by the objects still alive.
/// </summary>
public sealed class InMemoryReplayLedger : IReplayLedger
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string ClientId, string JwtId), DateTimeOffset> _entries = new();
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    /// <summary>Creates the ledger.</summary>
    public InMemoryReplayLedger(TimeProvider time)
    {
        _time = time;
    }

    /// <inheritdoc />
    public ValueTask<bool> TryConsumeAsync(string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        SweepIfDue(now);
        var key = (clientId, jwtId);
        while (true)
        {
            if (_entries.TryAdd(key, expiresAt))
            {
                return ValueTask.FromResult(true);
            }

            // An entry past its expiry no longer protects anything: the object it guarded is refused as expired.
            if (_entries.TryGetValue(key, out var existing) && existing <= now)
            {
                if (_entries.TryUpdate(key, expiresAt, existing))
                {
                    return ValueTask.FromResult(true);
                }

                continue;
            }

            return ValueTask.FromResult(false);
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + SweepInterval.Ticks, due) != due)
        {
            return;
        }

        foreach (var entry in _entries)
        {
            if (entry.Value <= now)
            {
                _entries.TryRemove(entry);
            }
        }
    }
}
