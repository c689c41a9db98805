using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jar.SampleHost.Diagnostics;

/// <summary>
/// For measuring what the tamper-evident chain costs, and nothing else: with <c>Diagnostics:UnchainedDecisionRecords</c>
/// true, every decision record is one plain INSERT statement (no chain position, no hashes), as records were
/// written before the chain existed. <c>audit verify</c> then reports the first such record as added outside the chain
/// (break <c>inserted</c>), so a host in this mode has no tamper-evident trail; it says so in a Warning at start.
/// <c>scripts/load.sh</c> runs its <c>unchained</c> path this way, beside the chained <c>jar</c> path. As the chained
/// sink does with the database ledger, it consumes a request object's <c>jti</c> in the transaction of its record, so
/// that the two paths differ by the chain alone.
/// </summary>
internal sealed class UnchainedDecisionSink(IDbContextFactory<AppDbContext> contexts, IConfiguration configuration, TimeProvider time) : IJarLedgerDecisionSink
{
    public const string SettingKey = "Diagnostics:UnchainedDecisionRecords";

    private readonly bool _databaseLedger = Hardening.JarStoreRegistration.ReplayLedger(configuration) == Hardening.ReplayLedgerKind.Database;

    /// <summary>Replaces the store's chained sink when the setting is on.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue(SettingKey, defaultValue: false))
        {
            services.RemoveAll<IJarDecisionSink>();
            services.AddSingleton<IJarDecisionSink, UnchainedDecisionSink>();
            services.AddHostedService<Announcement>();
        }
    }

    public bool Holds(IReplayLedger ledger) => _databaseLedger;

    public async ValueTask<JarDecision?> ConsumeAndRecordAsync(string clientId, string jwtId, DateTimeOffset expiresAt, JarDecision consumed, JarDecision replayed, CancellationToken cancellationToken)
    {
        await using var database = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (database.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true)
        {
            return null;
        }

        // The store's statements: INSERT ... ON CONFLICT DO NOTHING, and the take-over of an expired entry.
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var until = expiresAt.UtcDateTime;
        var now = time.GetUtcNow().UtcDateTime;
        var taken = await database.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JarReplayEntries" ("ClientId", "JwtId", "ExpiresAt") VALUES ({clientId}, {jwtId}, {until}) ON CONFLICT ("ClientId", "JwtId") DO NOTHING""",
            cancellationToken).ConfigureAwait(false) == 1
            || await database.Database.ExecuteSqlAsync(
                $"""UPDATE "JarReplayEntries" SET "ExpiresAt" = {until} WHERE "ClientId" = {clientId} AND "JwtId" = {jwtId} AND "ExpiresAt" <= {now}""",
                cancellationToken).ConfigureAwait(false) == 1;
        var decision = taken ? consumed : replayed;
        await InsertAsync(database, decision, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return decision;
    }

    public async ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);

        // The cheapest durable write: a pooled context (as the chained sink gets) and one INSERT statement, committed
        // on its own, so that what the load script compares is the chain and nothing else.
        await using var database = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await InsertAsync(database, decision, cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertAsync(AppDbContext database, JarDecision decision, CancellationToken cancellationToken)
    {
        var ruleIds = Bounded(string.Join(',', decision.Violations.Select(v => v.Rule.Id).Distinct(StringComparer.Ordinal)), JarDecisionRecord.MaxRuleIdsLength)!;
        await database.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "JarDecisionRecords" ("DecidedAt", "ClientId", "Endpoint", "Outcome", "RuleIds", "Step", "TrailId", "IntentHash", "RequestObjectHash", "KeyId", "Algorithm")
            VALUES ({decision.DecidedAt.UtcDateTime}, {Bounded(decision.ClientId, JarDecisionRecord.MaxClientIdLength)}, {decision.Endpoint.ToString()}, {decision.Outcome.ToString()}, {ruleIds},
                    {decision.Step.ToString()}, {decision.TrailId}, {decision.IntentHash}, {decision.RequestObjectHash}, {Bounded(decision.KeyId, JarDecisionRecord.MaxKeyIdLength)}, {Bounded(decision.Algorithm, JarDecisionRecord.MaxAlgorithmLength)})
            """,
            cancellationToken).ConfigureAwait(false);
    }

    private static string? Bounded(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;

    private sealed class Announcement(ILogger<UnchainedDecisionSink> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            SampleHostLog.UnchainedDecisionRecords(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
