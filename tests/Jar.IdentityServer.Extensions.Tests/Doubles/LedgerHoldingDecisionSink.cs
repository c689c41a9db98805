using System.Collections.Concurrent;

namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>
/// A decision sink whose store holds a replay ledger, as the database stores' sink holds the database ledger: it
/// consumes a jti through that ledger and keeps the decision that follows, and counts how it was called. It can be
/// told that its store cannot do both at once (<see cref="CanConsume"/> false) or that its store is down
/// (<see cref="Fails"/>).
/// </summary>
internal sealed class LedgerHoldingDecisionSink(IReplayLedger held) : IJarLedgerDecisionSink
{
    private readonly ConcurrentQueue<JarDecision> _decisions = new();
    private int _consumeCalls;
    private int _recordCalls;

    public bool CanConsume { get; init; } = true;

    public bool Fails { get; init; }

    public IReadOnlyCollection<JarDecision> Decisions => _decisions;

    public int ConsumeCalls => Volatile.Read(ref _consumeCalls);

    public int RecordCalls => Volatile.Read(ref _recordCalls);

    public bool Holds(IReplayLedger ledger) => ReferenceEquals(ledger, held);

    public async ValueTask<JarDecision?> ConsumeAndRecordAsync(string clientId, string jwtId, DateTimeOffset expiresAt, JarDecision consumed, JarDecision replayed, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _consumeCalls);
        if (Fails)
        {
            throw new InvalidOperationException("The store is unreachable.");
        }

        if (!CanConsume)
        {
            return null;
        }

        var decision = await held.TryConsumeAsync(clientId, jwtId, expiresAt, cancellationToken) ? consumed : replayed;
        _decisions.Enqueue(decision);
        return decision;
    }

    public ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _recordCalls);
        if (Fails)
        {
            throw new InvalidOperationException("The store is unreachable.");
        }

        _decisions.Enqueue(decision);
        return ValueTask.CompletedTask;
    }
}
