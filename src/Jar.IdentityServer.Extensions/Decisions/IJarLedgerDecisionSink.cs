namespace Jar.IdentityServer.Extensions;

/// <summary>
/// A decision sink whose store also holds the replay ledger: it can consume a request object's <c>jti</c> and record
/// the decision that follows from it in one transaction. The engine uses it, when the registered
/// <see cref="IReplayLedger"/> is one it <see cref="Holds"/>, in place of a ledger write followed by a record write:
/// one write instead of two, and never a consumed <c>jti</c> without its record or a record of an acceptance whose
/// <c>jti</c> was not consumed.
/// </summary>
public interface IJarLedgerDecisionSink : IJarDecisionSink
{
    /// <summary>True when this sink's store holds the entries of <paramref name="ledger"/>.</summary>
    bool Holds(IReplayLedger ledger);

    /// <summary>
    /// In one transaction: consumes <paramref name="jwtId"/> for <paramref name="clientId"/> until
    /// <paramref name="expiresAt"/> with the same guarantee as <see cref="IReplayLedger.TryConsumeAsync"/>, and records
    /// <paramref name="consumed"/> when this call consumed it, <paramref name="replayed"/> when the pair was taken.
    /// Returns the decision recorded, or null when this store cannot do both in one transaction (nothing written; the
    /// engine then uses the ledger and the sink one after the other). Throws when the store fails, having written
    /// nothing; the engine then refuses (fail closed).
    /// </summary>
    ValueTask<JarDecision?> ConsumeAndRecordAsync(
        string clientId,
        string jwtId,
        DateTimeOffset expiresAt,
        JarDecision consumed,
        JarDecision replayed,
        CancellationToken cancellationToken);
}
