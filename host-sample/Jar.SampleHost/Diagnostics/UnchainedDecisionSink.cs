using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jar.SampleHost.Diagnostics;

/// <summary>
/// For measuring what the tamper-evident chain costs, and nothing else: with <c>Diagnostics:UnchainedDecisionRecords</c>
/// true, every decision record is one plain INSERT (one SaveChanges, no chain position, no hashes), as records were
/// written before the chain existed. <c>audit verify</c> then reports the first such record as added outside the chain
/// (break <c>inserted</c>), so a host in this mode has no tamper-evident trail; it says so in a Warning at start.
/// <c>scripts/load.sh</c> runs its <c>unchained</c> path this way, beside the chained <c>jar</c> path.
/// </summary>
internal sealed class UnchainedDecisionSink(IServiceScopeFactory scopes) : IJarDecisionSink
{
    public const string SettingKey = "Diagnostics:UnchainedDecisionRecords";

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

    public async ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        database.Set<JarDecisionRecord>().Add(new JarDecisionRecord
        {
            DecidedAt = decision.DecidedAt,
            ClientId = Bounded(decision.ClientId, JarDecisionRecord.MaxClientIdLength),
            Endpoint = decision.Endpoint,
            Outcome = decision.Outcome,
            RuleIds = Bounded(string.Join(',', decision.Violations.Select(v => v.Rule.Id).Distinct(StringComparer.Ordinal)), JarDecisionRecord.MaxRuleIdsLength)!,
            RequestObjectHash = decision.RequestObjectHash,
            KeyId = Bounded(decision.KeyId, JarDecisionRecord.MaxKeyIdLength),
            Algorithm = Bounded(decision.Algorithm, JarDecisionRecord.MaxAlgorithmLength),
            TrailId = decision.TrailId,
            Step = decision.Step,
            IntentHash = decision.IntentHash,
        });
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
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
