using System.Collections.Concurrent;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Two instances append to one decision chain in one PostgreSQL database at the same time: every decision is
/// recorded once, at its own position, and the chain verifies end to end.
/// </summary>
public sealed class ChainAcrossInstancesTests(SharedPostgreSqlInstances instances) : IClassFixture<SharedPostgreSqlInstances>
{
    /// <summary>Authorization requests pushed in all, half to each instance.</summary>
    private const int Requests = 2_000;

    /// <summary>Concurrent senders per instance.</summary>
    private const int Senders = 6;

    [Fact]
    public async Task Two_instances_under_concurrent_load_append_every_decision_to_one_chain_that_verifies()
    {
        var accepted = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var next = -1;
        async Task SendAsync(OperationsHost host)
        {
            while (Interlocked.Increment(ref next) < Requests)
            {
                var attempt = host.Attempt(instances.Clients.Signing);
                var requestObject = attempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build();
                var answer = await attempt.PushAsync([new("client_id", attempt.Client.ClientId), new("request", requestObject)]);
                (answer.Status == 201 ? accepted : failures).Add(answer.Status == 201 ? requestObject : answer.ToString());
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Senders).SelectMany(_ => new[] { Task.Run(() => SendAsync(instances.A)), Task.Run(() => SendAsync(instances.B)) }));

        failures.ShouldBeEmpty();
        accepted.Count.ShouldBe(Requests);
        var hashes = accepted.Select(Stores.Sha256Hex).ToHashSet();
        var records = await Stores.QueryAsync(instances.A, db => db.Set<JarDecisionRecord>().AsNoTracking().Where(r => r.RequestObjectHash != null).ToListAsync());
        var pushed = records.Where(r => hashes.Contains(r.RequestObjectHash!)).ToList();
        pushed.Count.ShouldBe(Requests); // nothing lost, nothing twice
        pushed.ShouldAllBe(r => r.Outcome == JarOutcome.Accepted && r.Endpoint == JarEndpoint.PushedAuthorization && r.Sequence != null);
        pushed.Select(r => r.Sequence).Distinct().Count().ShouldBe(Requests);

        var report = await instances.A.Services.GetRequiredService<IJarAuditTrail>().VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeTrue(report.Detail);
        report.Records.ShouldBe(await Stores.QueryAsync(instances.A, db => db.Set<JarDecisionRecord>().LongCountAsync(r => r.Sequence != null)));
        report.Records.ShouldBeGreaterThanOrEqualTo(Requests);
    }
}
