using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// RFC 9101 §10.2: a request object with a <c>jti</c> is used once, whichever instance it reaches. Two instances
/// share one PostgreSQL database and its replay ledger: the same object sent to both is accepted by exactly one and
/// refused by the other as a replay (<c>invalid_request_object</c>, JAR406), one after the other and when both
/// receive it at the same moment, by value and through PAR; each decision is recorded once. The same tests run on
/// each replay ledger: the database's (<see cref="ReplayAcrossInstancesOnTheDatabaseLedgerTests"/>) and Redis
/// (<see cref="ReplayAcrossInstancesOnTheRedisLedgerTests"/>).
/// </summary>
public abstract class ReplayAcrossInstancesTests(SharedPostgreSqlInstances instances)
{
    /// <summary>Rounds of each race: each a fresh object released to both instances together.</summary>
    private const int Rounds = 50;

    [Fact]
    public async Task A_request_object_sent_by_value_to_a_second_instance_after_the_first_accepted_it_is_refused_as_a_replay_JAR406()
    {
        var first = instances.A.Attempt(instances.Clients.Signing);
        var requestObject = NewRequestObject(first);

        await (await first.SendAsync(Delivery.ByValue, requestObject)).ShouldGrantCodeAsync();
        var second = await instances.B.Attempt(instances.Clients.Signing).SendAsync(Delivery.ByValue, requestObject);

        second.ShouldBeRefused("invalid_request_object", "JAR406");
        await ShouldBeDecidedOnceAsync([requestObject], JarEndpoint.Authorization);
    }

    [Fact]
    public async Task A_request_object_pushed_to_a_second_instance_after_the_first_accepted_it_is_refused_as_a_replay_JAR406()
    {
        var first = instances.B.Attempt(instances.Clients.Signing);
        var requestObject = NewRequestObject(first);

        await (await first.SendAsync(Delivery.Pushed, requestObject)).ShouldGrantCodeAsync();
        var second = await instances.A.Attempt(instances.Clients.Signing).SendAsync(Delivery.Pushed, requestObject);

        second.ShouldBeRefused("invalid_request_object", "JAR406");
        await ShouldBeDecidedOnceAsync([requestObject], JarEndpoint.PushedAuthorization);
    }

    [Fact]
    public async Task A_request_object_sent_by_value_to_two_instances_at_the_same_moment_is_accepted_by_exactly_one_in_every_round()
    {
        var sent = new List<string>(Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            var onA = instances.A.Attempt(instances.Clients.Signing);
            var onB = instances.B.Attempt(instances.Clients.Signing);
            var requestObject = NewRequestObject(onA);
            sent.Add(requestObject);

            var answers = await TogetherAsync(
                () => onA.SendAsync(Delivery.ByValue, requestObject),
                () => onB.SendAsync(Delivery.ByValue, requestObject));

            var accepted = answers.Where(a => a.Authorization!.Status == 302).ToList();
            accepted.Count.ShouldBe(1, $"round {round}: {string.Join(" | ", answers.Select(a => a.Authorization))}");
            AuthorizationFlow.Query(accepted[0].Authorization!.Location!)["request_uri"].ToString().ShouldStartWith("urn:ietf:params:oauth:request_uri:");
            answers.Single(a => a.Authorization!.Status != 302).ShouldBeRefused("invalid_request_object", "JAR406");
        }

        await ShouldBeDecidedOnceAsync(sent, JarEndpoint.Authorization);
    }

    [Fact]
    public async Task A_request_object_pushed_to_two_instances_at_the_same_moment_is_accepted_by_exactly_one_in_every_round()
    {
        var sent = new List<string>(Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            var onA = instances.A.Attempt(instances.Clients.Signing);
            var onB = instances.B.Attempt(instances.Clients.Signing);
            var requestObject = NewRequestObject(onA);
            sent.Add(requestObject);

            // Each instance gets its own client assertion: the object is the same, the pushes are two.
            var answers = await TogetherAsync(
                () => onA.PushAsync(Form(onA, requestObject)),
                () => onB.PushAsync(Form(onB, requestObject)));

            var accepted = answers.Where(a => a.Status == 201).ToList();
            accepted.Count.ShouldBe(1, $"round {round}: {string.Join(" | ", answers)}");
            accepted[0].Parameters["request_uri"].ShouldStartWith("urn:ietf:params:oauth:request_uri:");
            answers.Single(a => a.Status != 201).ShouldBeJsonError(400, "invalid_request_object", "JAR406");
        }

        await ShouldBeDecidedOnceAsync(sent, JarEndpoint.PushedAuthorization);
    }

    /// <summary>The two instances and their shared stores.</summary>
    protected SharedPostgreSqlInstances Instances => instances;

    /// <summary>R0 of the signing client with a fresh <c>jti</c>.</summary>
    protected static string NewRequestObject(AuthorizationAttempt attempt) =>
        attempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build();

    private static KeyValuePair<string, string>[] Form(AuthorizationAttempt attempt, string requestObject) =>
        [new("client_id", attempt.Client.ClientId), new("request", requestObject)];

    /// <summary>Starts both sends and releases them together: neither starts before both are ready.</summary>
    private static async Task<T[]> TogetherAsync<T>(Func<Task<T>> first, Func<Task<T>> second)
    {
        using var barrier = new Barrier(2);
        Task<T> Run(Func<Task<T>> send) => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return send();
        });

        return await Task.WhenAll(Run(first), Run(second));
    }

    /// <summary>Each object has exactly two decision records: one acceptance and one JAR406 refusal, with its jti.</summary>
    private async Task ShouldBeDecidedOnceAsync(IReadOnlyList<string> requestObjects, JarEndpoint endpoint)
    {
        var hashes = requestObjects.Select(Stores.Sha256Hex).ToList();
        var records = await Stores.QueryAsync(instances.A, db => db.Set<JarDecisionRecord>()
            .Where(r => r.RequestObjectHash != null && hashes.Contains(r.RequestObjectHash))
            .ToListAsync());
        records = Stores.EngineDecisions(records);
        foreach (var requestObject in requestObjects)
        {
            var decided = records.Where(r => r.RequestObjectHash == Stores.Sha256Hex(requestObject)).ToList();
            decided.Select(r => (r.Outcome, r.RuleIds, r.Endpoint)).OrderBy(d => d.Outcome).ToList().ShouldBe(
                [(JarOutcome.Accepted, string.Empty, endpoint), (JarOutcome.Refused, "JAR406", endpoint)],
                requestObject);
            decided.ShouldAllBe(r => r.JwtId == Stores.Claim(requestObject, "jti") && r.ClientId == instances.Clients.Signing.ClientId);
        }
    }
}
