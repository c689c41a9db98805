namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The decision trail as an auditor uses it: verify, export, trace, checkpoint, prune.</summary>
public interface IJarAuditTrail
{
    /// <summary>Walks the chain from its first kept record to the head and checks it against the signed checkpoints.</summary>
    Task<JarChainReport> VerifyAsync(CancellationToken cancellationToken);

    /// <summary>The chained records in chain order, optionally from a time on and for one client.</summary>
    IAsyncEnumerable<JarDecisionRecord> ExportAsync(DateTimeOffset? since, string? clientId, CancellationToken cancellationToken);

    /// <summary>Every record of the trails a key names: a trail id, an intent hash, a request object hash, or a token id.</summary>
    Task<IReadOnlyList<JarDecisionRecord>> FindTrailAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The trails a key names (as <see cref="FindTrailAsync"/>) and every request object they keep
    /// (<see cref="JarAuditOptions.KeepRequestObjects"/>), re-verified: the signature with the client's keys
    /// registered now in <paramref name="clients"/>, the intent hash recomputed from the object's claims as the engine
    /// computed it at acceptance, and the object's SHA-256 against the record's.
    /// </summary>
    Task<JarTrailEvidence> VerifyEvidenceAsync(string key, IJarClients clients, CancellationToken cancellationToken);

    /// <summary>
    /// The trails with a record that matches <paramref name="search"/>, each whole and in chain order, newest first
    /// (by their last record), at most <see cref="JarTrailSearch.Limit"/>; a record without a trail is a trail of its own.
    /// Filtered in the database, over the newest matching records only, so one search costs a bounded amount of work.
    /// </summary>
    Task<IReadOnlyList<JarTrail>> SearchAsync(JarTrailSearch search, CancellationToken cancellationToken);

    /// <summary>Signs the current head and appends the checkpoint to the checkpoint file (and the log).</summary>
    Task<JarCheckpoint?> CheckpointAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the records older than <paramref name="olderThan"/> from the start of the chain, after signing a
    /// <c>prune</c> checkpoint of the last one deleted, so the rest still verifies. Returns how many were deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
