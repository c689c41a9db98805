using System.Net;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>
/// Diagnostics:UnchainedDecisionRecords, the baseline scripts/load.sh measures the chain against: records are written
/// without a chain position, and audit verify then reports them, so the mode never passes for a tamper-evident trail.
/// </summary>
public sealed class UnchainedDecisionRecordsTests : IDisposable
{
    private readonly ChainedThenUnchainedHost chained = new(unchained: false);

    public void Dispose() => chained.Dispose();

    [Fact]
    public async Task Records_written_without_the_chain_are_reported_by_verify_as_added_outside_it()
    {
        // A chained record first, as on a host that ran normally before the diagnostic mode was switched on.
        await AuthorizationFlow.CompleteAsync(chained, await AuthorizationFlow.StartAsync(chained, "strict-client"), expectedScopes: ["openid", "profile"]);
        var audit = chained.Services.GetRequiredService<IJarAuditTrail>();
        (await audit.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
        await chained.DisposeAsync();

        using var unchained = new ChainedThenUnchainedHost(unchained: true, directory: chained.Directory);
        var request = await AuthorizationFlow.StartAsync(unchained, "strict-client");
        using var answer = await unchained.CreateBrowser().GetAsync(request.AuthorizationUrl);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var records = await Stores.QueryAsync(unchained, db => db.Set<JarDecisionRecord>().Where(r => r.Sequence == null).ToListAsync());
        var record = records.ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        record.ClientId.ShouldBe("strict-client");
        record.Hash.ShouldBeNull();

        var report = await unchained.Services.GetRequiredService<IJarAuditTrail>().VerifyAsync(CancellationToken.None);
        report.Break.ShouldBe(JarChainBreak.Inserted, report.Detail);
        report.RecordId.ShouldBe(record.Id);
    }

    [Fact]
    public async Task The_unchained_mode_consumes_the_jti_and_refuses_a_replay_JAR406()
    {
        using var unchained = new ChainedThenUnchainedHost(unchained: true);
        var request = await AuthorizationFlow.StartAsync(unchained, "strict-client");
        var browser = unchained.CreateBrowser();

        using var first = await browser.GetAsync(request.AuthorizationUrl);
        using var replayed = await browser.GetAsync(request.AuthorizationUrl);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        replayed.Headers.Location.ShouldBeNull();
        var records = await Stores.QueryAsync(unchained, db => db.Set<JarDecisionRecord>().Where(r => r.ClientId == "strict-client").OrderBy(r => r.Id).ToListAsync());
        records.Select(r => (r.Outcome, r.RuleIds, r.Sequence)).ShouldBe([(JarOutcome.Accepted, "", (long?)null), (JarOutcome.Refused, JarRules.JwtIdReplayed.Id, null)]);
        (await Stores.QueryAsync(unchained, db => db.Set<JarReplayEntry>().CountAsync(e => e.ClientId == "strict-client"))).ShouldBe(1);
    }

    private sealed class ChainedThenUnchainedHost(bool unchained, string? directory = null) : SampleHostFactory
    {
        public string Directory { get; } = directory ?? Path.Combine(Path.GetTempPath(), "jar-unchained-" + Guid.NewGuid().ToString("N"));

        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            base.AddSettings(settings);
            System.IO.Directory.CreateDirectory(Directory);
            settings["ConnectionStrings:Jar"] = $"Data Source={Path.Combine(Directory, "jar-sample.db")};Pooling=False";
            settings["Diagnostics:UnchainedDecisionRecords"] = unchained ? "true" : "false";
        }
    }
}
