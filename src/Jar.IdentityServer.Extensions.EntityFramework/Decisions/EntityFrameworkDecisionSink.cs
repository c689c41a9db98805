using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Appends one <see cref="JarDecisionRecord"/> per decision to the chain. A failure throws, and the engine then
/// refuses the request: no request is served without its record.
/// </summary>
/// <remarks>
/// On SQLite and PostgreSQL the records go through the instance's <see cref="ChainAppendQueue{TContext}"/>: one
/// transaction per group of records that arrive together, each locking the chain head row once (an UPDATE that moves
/// its sequence on by the group's size and returns the hash before it), inserting the records, each with the next
/// position and the hash of the one before, and moving the head to the last hash, in two commands
/// (<see cref="ChainAppendCommands"/>); each caller is answered once the group has committed. On other providers,
/// one transaction per record, four statements through EF Core. Appends from any number of instances queue on that
/// one row lock (PostgreSQL and SQL Server row locks, SQLite's database write lock), so the chain never forks and no
/// position is used twice. When the replay ledger is the database ledger of the same context, a request object's
/// <c>jti</c> is consumed in the transaction that appends its decision (<see cref="ConsumeAndRecordAsync"/>): the
/// ledger's statements run before the head row is locked, in the command that locks it, so the lock is held no
/// longer than for records alone.
/// </remarks>
internal sealed class EntityFrameworkDecisionSink<TContext>(JarDbContexts<TContext> contexts, ChainAppendQueue<TContext> queue, IOptions<JarAuditOptions> audit) : IJarLedgerDecisionSink
    where TContext : DbContext
{
    private readonly bool _keepRequestObjects = audit.Value.KeepRequestObjects;

    // Whether the store's provider has the chain's commands (and so the group commit): 0 not known yet, 1 yes, -1 no.
    private int _grouped;

    public bool Holds(IReplayLedger ledger) => ledger is EntityFrameworkReplayLedger<TContext>;

    public async ValueTask<JarDecision?> ConsumeAndRecordAsync(
        string clientId,
        string jwtId,
        DateTimeOffset expiresAt,
        JarDecision consumed,
        JarDecision replayed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        ArgumentNullException.ThrowIfNull(replayed);
        EntityFrameworkReplayLedger<TContext>.CheckBounds(clientId, jwtId);
        if (!await GroupedAsync(cancellationToken).ConfigureAwait(false))
        {
            // SQL Server and other providers: the ledger's tracked insert and the record one after the other.
            return null;
        }

        var entry = ChainEntry.Consuming(
            new ChainEntry.LedgerPair(clientId, jwtId, expiresAt.UtcDateTime),
            ToRecord(consumed, _keepRequestObjects),
            ToRecord(replayed, _keepRequestObjects));
        await queue.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        return entry.Consumed ? consumed : replayed;
    }

    public async ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (await GroupedAsync(cancellationToken).ConfigureAwait(false))
        {
            await queue.AppendAsync(ChainEntry.Of(ToRecord(decision, _keepRequestObjects)), cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var database = lease.Context;
        await database.Database.CreateExecutionStrategy().ExecuteAsync(
            (database, decision, keep: _keepRequestObjects),
            static async (_, state, cancellationToken) =>
            {
                var (database, decision, keep) = state;
                database.ChangeTracker.Clear();
                await AppendTrackedAsync(database, ToRecord(decision, keep), cancellationToken).ConfigureAwait(false);
                return true;
            },
            verifySucceeded: null,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<bool> GroupedAsync(CancellationToken cancellationToken)
    {
        if (_grouped == 0)
        {
            await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
            _grouped = ChainAppendCommands.For(lease.Context) is null ? -1 : 1;
        }

        return _grouped > 0;
    }

    /// <summary>SQL Server and other providers: one record, one transaction, through EF Core's change tracker.</summary>
    private static async Task AppendTrackedAsync(DbContext database, JarDecisionRecord record, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var heads = database.Set<JarDecisionChainHead>();
        await heads.Where(h => h.Id == JarDecisionChainHead.SingleRowId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence + 1), cancellationToken).ConfigureAwait(false);
        var head = await heads.SingleAsync(h => h.Id == JarDecisionChainHead.SingleRowId, cancellationToken).ConfigureAwait(false);
        record.Sequence = head.Sequence;
        record.PreviousHash = head.Hash;
        record.Hash = DecisionChain.Hash(record);
        head.Hash = record.Hash;
        database.Set<JarDecisionRecord>().Add(record);
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static JarDecisionRecord ToRecord(JarDecision decision, bool keepRequestObject = false) => new()
    {
        DecidedAt = DecisionChain.Truncate(decision.DecidedAt),

        // Values a refused request may carry at any length (an unregistered client_id, a kid or alg header) are
        // cut to their column, so the refusal is still recorded on every provider.
        ClientId = Bounded(decision.ClientId, JarDecisionRecord.MaxClientIdLength),
        Endpoint = decision.Endpoint,
        Outcome = decision.Outcome,
        RuleIds = Bounded(string.Join(',', decision.Violations.Select(v => v.Rule.Id).Distinct(StringComparer.Ordinal)), JarDecisionRecord.MaxRuleIdsLength)!,
        Profile = Bounded(decision.Profile, JarClientPolicy.MaxProfileLength),
        RequestObjectHash = decision.RequestObjectHash,
        JwtId = Bounded(decision.JwtId, JarReplayEntry.MaxJwtIdLength),
        KeyId = Bounded(decision.KeyId, JarDecisionRecord.MaxKeyIdLength),
        Algorithm = Bounded(decision.Algorithm, JarDecisionRecord.MaxAlgorithmLength),
        TrailId = decision.TrailId,
        Step = decision.Step,
        IntentHash = decision.IntentHash,
        Subject = Bounded(decision.Subject, JarDecisionRecord.MaxSubjectLength),
        Scopes = Bounded(decision.Scopes, JarDecisionRecord.MaxTextLength),
        TokenIds = decision.TokenIds.Count == 0 ? null : Bounded(string.Join(',', decision.TokenIds), JarDecisionRecord.MaxTextLength),
        Reason = Bounded(decision.Reason, JarDecisionRecord.MaxTextLength),
        Detail = keepRequestObject && decision.RequestObject is not null && decision.RequestObjectEncrypted ? JarEvidenceRecords.KeptAfterDecryption : decision.Detail,

        // Evidence, when the host keeps it: the exact signed object the engine verified for this record (never on a
        // refusal: the engine hands over no object then). Covered by the chain hash, so swapping it breaks the chain.
        RequestObject = keepRequestObject ? decision.RequestObject : null,
    };

    private static string? Bounded(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;
}
