namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// One record to append to the decision chain: <see cref="Record"/>, or, when the entry consumes a replay ledger pair,
/// the record for whether it did (<see cref="Record"/> when consumed, <see cref="Replayed"/> when the pair was taken).
/// </summary>
internal sealed class ChainEntry
{
    private ChainEntry(JarDecisionRecord record, JarDecisionRecord? replayed, LedgerPair? ledger)
    {
        Consumed = true;
        Accepted = record;
        Replayed = replayed;
        Ledger = ledger;
    }

    public JarDecisionRecord Accepted { get; }

    public JarDecisionRecord? Replayed { get; }

    public LedgerPair? Ledger { get; }

    /// <summary>For an entry with a ledger pair, whether this append consumed it; set by the append.</summary>
    public bool Consumed { get; set; }

    /// <summary>The record this entry appends: <see cref="Accepted"/> unless the pair was found taken.</summary>
    public JarDecisionRecord Record => Consumed ? Accepted : Replayed!;

    public static ChainEntry Of(JarDecisionRecord record) => new(record, null, null);

    public static ChainEntry Consuming(LedgerPair pair, JarDecisionRecord consumed, JarDecisionRecord replayed) => new(consumed, replayed, pair);

    /// <summary>A (client, jti) pair to consume in the replay ledger until <see cref="Until"/> (UTC).</summary>
    internal sealed record LedgerPair(string ClientId, string JwtId, DateTime Until);
}
