using Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The <see cref="IJarAuditTrail"/> over the host's DbContext and the checkpoint file.</summary>
internal sealed class EntityFrameworkAuditTrail<TContext>(
    JarDbContexts<TContext> contexts,
    CheckpointSigner signer,
    ILogger<EntityFrameworkAuditTrail<TContext>> logger) : IJarAuditTrail
    where TContext : DbContext
{
    public async Task<JarChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var checkpoints = new Dictionary<long, JarCheckpoint>();
        JarCheckpoint? last = null;
        JarCheckpoint? pruned = null;
        foreach (var (checkpoint, line) in signer.ReadAll())
        {
            if (checkpoint is null)
            {
                return new(0, JarChainBreak.Content, null, null, $"checkpoint file line {line}: its signature does not verify with the checkpoint key", null);
            }

            checkpoints[checkpoint.Sequence] = checkpoint;
            last = checkpoint;
            if (checkpoint.Kind == "prune" && (pruned is null || checkpoint.Sequence > pruned.Sequence))
            {
                pruned = checkpoint;
            }
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var database = lease.Context;

        // Records before the last prune checkpoint are gone on purpose: the chain resumes from its hash.
        var expectedSequence = (pruned?.Sequence ?? 0) + 1;
        var expectedPrevious = pruned?.Hash ?? string.Empty;
        long count = 0;
        long previousId = long.MinValue;
        long? chainStart = null;
        await foreach (var record in database.Set<JarDecisionRecord>().AsNoTracking()
            .Where(r => r.Sequence != null && r.Sequence >= expectedSequence)
            .OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count++;
            var sequence = record.Sequence!.Value;
            if (sequence != expectedSequence)
            {
                return Broken(count, JarChainBreak.Missing, record, $"records at positions {expectedSequence} to {sequence - 1} are missing before record {record.Id}", last);
            }

            if (record.Id < previousId)
            {
                return Broken(count, JarChainBreak.Order, record, $"record {record.Id} holds position {sequence} after record {previousId}, which was written after it", last);
            }

            if (DecisionChain.Hash(record) != record.Hash)
            {
                return Broken(count, JarChainBreak.Content, record, $"record {record.Id}'s fields do not hash to its stored hash: it was changed after it was written", last);
            }

            if (record.PreviousHash != expectedPrevious)
            {
                return Broken(count, JarChainBreak.Link, record, $"record {record.Id}'s previous hash is not the hash of the record before it", last);
            }

            if (checkpoints.TryGetValue(sequence, out var signed) && signed.Hash != record.Hash)
            {
                return Broken(count, JarChainBreak.Content, record, $"record {record.Id} differs from the checkpoint signed at {signed.SignedAt:O}: the chain was rewritten", last);
            }

            expectedPrevious = record.Hash!;
            expectedSequence++;
            previousId = record.Id;
            chainStart ??= record.Id;
        }

        // Every record written since the chain began holds a position in it; one without is a row added behind the
        // store's back (only records older than the chain, from before the store had one, may have none).
        if (chainStart is { } start && await database.Set<JarDecisionRecord>().AsNoTracking()
            .Where(r => r.Sequence == null && r.Id > start).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } outside)
        {
            return Broken(count, JarChainBreak.Inserted, outside, $"record {outside.Id} holds no position in the chain, yet was written after the chain began: it was added outside the trail", last);
        }

        var lastSequence = expectedSequence - 1;
        var head = await database.Set<JarDecisionChainHead>().AsNoTracking().SingleAsync(h => h.Id == JarDecisionChainHead.SingleRowId, cancellationToken).ConfigureAwait(false);
        if (head.Sequence != lastSequence || (lastSequence > 0 && head.Hash != expectedPrevious))
        {
            return new(count, JarChainBreak.Missing, null, lastSequence + 1, $"the chain head names position {head.Sequence}; the last record kept is at position {lastSequence}", last);
        }

        if (last is not null && last.Sequence > lastSequence)
        {
            return new(count, JarChainBreak.Missing, null, lastSequence + 1, $"the last checkpoint covers position {last.Sequence}; the last record kept is at position {lastSequence}", last);
        }

        return new(count, null, null, null, null, last);
    }

    public async IAsyncEnumerable<JarDecisionRecord> ExportAsync(DateTimeOffset? since, string? clientId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var records = lease.Context.Set<JarDecisionRecord>().AsNoTracking().Where(r => r.Sequence != null);
        if (since is { } from)
        {
            records = records.Where(r => r.DecidedAt >= from);
        }

        if (clientId is not null)
        {
            records = records.Where(r => r.ClientId == clientId);
        }

        await foreach (var record in records.OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async Task<IReadOnlyList<JarDecisionRecord>> FindTrailAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var records = lease.Context.Set<JarDecisionRecord>().AsNoTracking();
        var matching = records.Where(r => r.TrailId == key || r.IntentHash == key || r.RequestObjectHash == key || (r.TokenIds != null && r.TokenIds.Contains(key)));
        var trails = await matching.Where(r => r.TrailId != null).Select(r => r.TrailId!).Distinct().Take(100).ToListAsync(cancellationToken).ConfigureAwait(false);

        // A record without a trail (an administrative event, a record older than trails) is a trail of its own: never
        // joined to the other such records through their common null.
        var untrailed = await matching.Where(r => r.TrailId == null).OrderBy(r => r.Id).Take(100).ToListAsync(cancellationToken).ConfigureAwait(false);
        var trailed = trails.Count == 0
            ? []
            : await records.Where(r => r.TrailId != null && trails.Contains(r.TrailId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. trailed.Concat(untrailed).OrderBy(r => r.Sequence ?? long.MaxValue).ThenBy(r => r.Id)];
    }

    public async Task<JarTrailEvidence> VerifyEvidenceAsync(string key, IJarClients clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var records = await FindTrailAsync(key, cancellationToken).ConfigureAwait(false);
        var kept = new List<JarKeptObjectEvidence>();
        foreach (var record in records)
        {
            if (record.RequestObject is not { } requestObject)
            {
                continue;
            }

            // The client's keys of today: a key rotated out since is reported as such, never as a bad signature.
            var client = await clients.FindAsync(record.ClientId, cancellationToken).ConfigureAwait(false);
            var objectHash = record.Detail == JarEvidenceRecords.KeptAfterDecryption ? null : record.RequestObjectHash;
            kept.Add(new(record.Id, JarEvidence.Verify(requestObject, client, record.ClientId ?? string.Empty, record.IntentHash, objectHash)));
        }

        return new(records, kept);
    }

    public async Task<IReadOnlyList<JarTrail>> SearchAsync(JarTrailSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var limit = Math.Clamp(search.Limit, 1, JarTrailSearch.MaxLimit);
        if (!TrailSearchQuery.CanMatch(search))
        {
            return [];
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var all = lease.Context.Set<JarDecisionRecord>().AsNoTracking();
        var trailIds = await TrailSearchQuery.NewestTrailIds(all, search, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var singles = await TrailSearchQuery.NewestRecordsWithoutTrail(all, search, limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var trailed = trailIds.Count == 0 ? [] : await TrailSearchQuery.RecordsOf(all, trailIds).ToListAsync(cancellationToken).ConfigureAwait(false);

        return trailed.GroupBy(r => r.TrailId)
            .Select(g => new JarTrail(g.Key, [.. g.OrderBy(r => r.Sequence ?? long.MaxValue).ThenBy(r => r.Id)]))
            .Concat(singles.Select(r => new JarTrail(null, [r])))
            .OrderByDescending(t => t.Records.Max(r => r.Id))
            .Take(limit)
            .ToList();
    }

    public async Task<JarCheckpoint?> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var head = await lease.Context.Set<JarDecisionChainHead>().AsNoTracking()
            .SingleAsync(h => h.Id == JarDecisionChainHead.SingleRowId, cancellationToken).ConfigureAwait(false);
        if (head.Sequence == 0)
        {
            return null;
        }

        var checkpoint = signer.Sign(head.Sequence, head.Hash, "head");
        JarStoreLog.CheckpointSigned(logger, checkpoint.Kind, checkpoint.Sequence, checkpoint.Hash, checkpoint.Jws);
        return checkpoint;
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var records = lease.Context.Set<JarDecisionRecord>();

        // Only a prefix of the chain can go: up to the record before the first one that must stay.
        var firstKept = await records.Where(r => r.Sequence != null && r.DecidedAt >= olderThan)
            .MinAsync(r => r.Sequence, cancellationToken).ConfigureAwait(false);
        var lastPruned = await records.Where(r => r.Sequence != null && (firstKept == null || r.Sequence < firstKept))
            .OrderByDescending(r => r.Sequence).Select(r => new { r.Sequence, r.Hash }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (lastPruned is null)
        {
            return 0;
        }

        // The checkpoint first: if the deletion fails, the chain still verifies; if the checkpoint fails, nothing is deleted.
        var checkpoint = signer.Sign(lastPruned.Sequence!.Value, lastPruned.Hash!, "prune");
        JarStoreLog.CheckpointSigned(logger, checkpoint.Kind, checkpoint.Sequence, checkpoint.Hash, checkpoint.Jws);
        var deleted = await records.Where(r => (r.Sequence != null && r.Sequence <= lastPruned.Sequence) || (r.Sequence == null && r.DecidedAt < olderThan))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static JarChainReport Broken(long count, JarChainBreak kind, JarDecisionRecord record, string detail, JarCheckpoint? last) =>
        new(count, kind, record.Id, record.Sequence, detail, last);
}
