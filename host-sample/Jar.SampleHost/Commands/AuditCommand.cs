using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>audit verify|export|trail|checkpoint|prune</c>: the decision trail as an auditor uses it, through the library's
/// <see cref="IJarAuditTrail"/>. Each subcommand is a <c>RunAsync</c>-style method usable on its own.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verify = new Command("verify", "Walks the decision chain and checks it against the last signed checkpoint. Exit 0 when intact; 1 naming the first broken record and what differs (content, link, order, missing).");
        verify.SetAction((parse, token) => context.RunAsync(parse, DatabaseSetup.Schema, VerifyAsync, token));

        var since = new Option<DateTimeOffset?>("--since") { Description = "Only records decided at or after this time (ISO 8601)." };
        var client = new Option<string?>("--client") { Description = "Only this client's records." };
        var export = new Command("export", "Writes the chained records as JSON Lines, in chain order.") { since, client };
        export.SetAction((parse, token) => context.RunAsync(parse, DatabaseSetup.Schema, (s, o, t) => ExportAsync(s, parse.GetValue(since), parse.GetValue(client), o, t), token));

        var key = new Argument<string>("key") { Description = "An intent hash, a trail id, a request object hash or a token id." };
        var trail = new Command("trail", "Prints one authorization's whole trail and re-verifies each request object it keeps (signature with the client's key, intent hash, object hash). Exit 1 when a kept object's signature fails or a hash differs.") { key };
        trail.SetAction((parse, token) => context.RunAsync(parse, DatabaseSetup.Schema, (s, o, t) => TrailAsync(s, parse.GetRequiredValue(key), o, t), token));

        var checkpoint = new Command("checkpoint", "Signs the chain head now and appends the checkpoint to the checkpoint file (and the log).");
        checkpoint.SetAction((parse, token) => context.RunAsync(parse, DatabaseSetup.Schema, CheckpointAsync, token));

        var olderThan = new Option<TimeSpan>("--older-than") { Description = "Prune records older than this age (d.hh:mm:ss, e.g. 90.00:00:00).", Required = true };
        var prune = new Command("prune", "Signs a checkpoint covering the records older than --older-than, then deletes them; the rest still verifies.") { olderThan };
        prune.SetAction((parse, token) => context.RunAsync(parse, DatabaseSetup.Schema, (s, o, t) => PruneAsync(s, parse.GetValue(olderThan), o, t), token));

        return new Command("audit", "The decision trail: verify the chain, export it, trace an authorization, sign a checkpoint, prune.") { verify, export, trail, checkpoint, prune };
    }

    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await Audit(services).VerifyAsync(cancellationToken).ConfigureAwait(false);
        var against = report.LastCheckpoint is { } last ? $"checked against the checkpoint of position {last.Sequence} signed at {last.SignedAt:O}" : "no checkpoint yet";
        if (report.Intact)
        {
            await output.WriteLineAsync($"intact: {report.Records} records, {against}").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"broken: {report.Break!.Value.ToString().ToLowerInvariant()} at record {report.RecordId?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, position {report.Sequence}: {report.Detail} ({against})").ConfigureAwait(false);
        return 1;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, DateTimeOffset? since, string? clientId, TextWriter output, CancellationToken cancellationToken)
    {
        await foreach (var record in Audit(services).ExportAsync(since, clientId, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync(JarDecisionRecordJson.Write(record)).ConfigureAwait(false);
        }

        return 0;
    }

    public static async Task<int> TrailAsync(IServiceProvider services, string key, TextWriter output, CancellationToken cancellationToken)
    {
        // The clients as the engine reads them: absent only when the host runs without the JAR hardening.
        var evidence = services.GetService<IJarClients>() is { } clients
            ? await Audit(services).VerifyEvidenceAsync(key, clients, cancellationToken).ConfigureAwait(false)
            : new JarTrailEvidence(await Audit(services).FindTrailAsync(key, cancellationToken).ConfigureAwait(false), []);
        if (evidence.Records.Count == 0)
        {
            await output.WriteLineAsync($"No trail holds '{key}'.").ConfigureAwait(false);
            return 1;
        }

        foreach (var record in evidence.Records)
        {
            await output.WriteLineAsync(JarDecisionRecordJson.Write(record)).ConfigureAwait(false);
        }

        if (evidence.KeptObjects.Count == 0)
        {
            await output.WriteLineAsync("evidence: no request object kept for this trail (Jar:Audit:KeepRequestObjects was off, or the request had no object)").ConfigureAwait(false);
            return 0;
        }

        foreach (var (recordId, report) in evidence.KeptObjects)
        {
            await output.WriteLineAsync($"evidence: record {recordId.ToString(CultureInfo.InvariantCulture)}: {Describe(report)}").ConfigureAwait(false);
        }

        // A signature that fails or a hash that differs: the kept object is not what was accepted. A key no longer
        // registered is not such a contradiction; it is reported, and the hashes still stand.
        return evidence.Contradicts ? 1 : 0;
    }

    private static string Describe(JarEvidenceReport report)
    {
        var signature = report.Signature switch
        {
            JarEvidenceSignature.Verified => $"signature verified (kid {report.KeyId ?? "(none)"}, alg {report.Algorithm})",
            JarEvidenceSignature.CannotVerify => $"cannot verify: {report.SignatureDetail}",
            _ => $"signature failed: {report.SignatureDetail}",
        };
        var intent = report.IntentMatches ? "intent hash matches" : $"intent hash differs (recomputed {report.RecomputedIntentHash ?? "(unreadable claims)"})";
        var objectHash = report.ObjectHashMatches switch
        {
            true => "object hash matches",
            false => "object hash differs",
            null => "object hash not comparable (received encrypted; the record hashes the encrypted form)",
        };
        return $"{signature}; {intent}; {objectHash}";
    }

    public static async Task<int> CheckpointAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        if (await Audit(services).CheckpointAsync(cancellationToken).ConfigureAwait(false) is not { } checkpoint)
        {
            await output.WriteLineAsync("The chain is empty: nothing to sign.").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"checkpoint: position {checkpoint.Sequence}, hash {checkpoint.Hash}").ConfigureAwait(false);
        await output.WriteLineAsync(checkpoint.Jws).ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> PruneAsync(IServiceProvider services, TimeSpan olderThan, TextWriter output, CancellationToken cancellationToken)
    {
        var cutoff = services.GetRequiredService<TimeProvider>().GetUtcNow() - olderThan;
        var deleted = await Audit(services).PruneAsync(cutoff, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"pruned {deleted} records decided before {cutoff:O}").ConfigureAwait(false);
        return 0;
    }

    private static IJarAuditTrail Audit(IServiceProvider services) => services.GetRequiredService<IJarAuditTrail>();
}
