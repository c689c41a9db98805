using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// RFC 9101 §10.2 under load, across a deployment: three instances on Kestrel (<see cref="KestrelInstances"/>), one
/// PostgreSQL database, one Redis replay ledger. Every request object is presented to all three at once, by value
/// or through PAR; whichever instance wins, it is accepted exactly once and refused as a replay (JAR406) everywhere
/// else, and every attempt leaves its decision record. When Redis or the database goes away, every instance refuses
/// (temporarily_unavailable, JAR901) and none accepts unchecked; when it is back, they serve again by themselves.
/// </summary>
public sealed class SoakTests(KestrelInstances deployment) : IClassFixture<KestrelInstances>
{
    /// <summary>Objects of the soak: 3,334 × 3 instances = 10,002 racing attempts.</summary>
    private const int Objects = 3_334;

    /// <summary>Races run side by side: enough to keep both cores busy, few enough for each race to stay a race.</summary>
    private const int RacesAtOnce = 4;

    /// <summary>Rounds a store has to come back in, a quarter of a second apart (the clients reconnect about once a second).</summary>
    private const int RoundsToRecover = 120;

    private IReadOnlyList<OperationsHost> Instances => deployment.Instances;

    private TestClient Client => deployment.Clients.Signing;

    [Fact]
    public async Task Ten_thousand_racing_attempts_on_three_instances_accept_each_object_exactly_once_refuse_every_other_as_a_replay_JAR406_and_record_every_decision()
    {
        var races = new Race[Objects];
        await Parallel.ForEachAsync(Enumerable.Range(0, Objects), new ParallelOptions { MaxDegreeOfParallelism = RacesAtOnce }, async (i, _) =>
            races[i] = await Race.RunAsync(Instances, Client, i % 2 == 0 ? Delivery.ByValue : Delivery.Pushed));

        races.Sum(r => r.Answers.Count).ShouldBeGreaterThanOrEqualTo(10_000);
        races.Where(r => !r.IsDecidedOnce).Take(5).ShouldBeEmpty();
        await ShouldBeRecordedAsync(races, JarOutcome.Accepted, string.Empty, "JAR406");
    }

    [Fact]
    public async Task While_Redis_is_down_every_instance_refuses_JAR901_and_accepts_nothing_and_once_Redis_is_back_they_serve_again()
    {
        (await RoundsAsync(6)).Where(r => !r.IsDecidedOnce).ShouldBeEmpty();

        deployment.Redis.Stop();
        var down = await RoundsAsync(6);
        down.Where(r => r.Answers.Any(a => a != Race.Unavailable)).ShouldBeEmpty();

        // The decisions are still recorded (the database is up): each refusal as JAR901.
        await ShouldBeRecordedAsync(down, JarOutcome.Refused, "JAR901", "JAR901");

        deployment.Redis.Start();
        await ServedAgainAsync();
    }

    [Fact]
    public async Task While_the_database_is_unreachable_every_instance_refuses_JAR901_and_accepts_nothing_and_once_it_is_back_they_serve_again()
    {
        (await RoundsAsync(6)).Where(r => !r.IsDecidedOnce).ShouldBeEmpty();

        // No decision can be made durable, so none is made: the object may have been consumed in Redis, but it is
        // refused, and its client signs a new one.
        deployment.Relay.Stop();
        var down = await RoundsAsync(6);
        down.Where(r => r.Answers.Any(a => a != Race.Unavailable)).ShouldBeEmpty();

        deployment.Relay.Start();
        await ServedAgainAsync();
    }

    /// <summary>Races one after another, alternating by value and PAR.</summary>
    private async Task<List<Race>> RoundsAsync(int count)
    {
        var races = new List<Race>(count);
        for (var i = 0; i < count; i++)
        {
            races.Add(await Race.RunAsync(Instances, Client, i % 2 == 0 ? Delivery.ByValue : Delivery.Pushed));
        }

        return races;
    }

    /// <summary>
    /// Races until three in a row are decided once, each race on the way safe (one acceptance at most, nothing but
    /// JAR406 and JAR901 besides: instances reconnect one by one); then six more, every one decided once.
    /// </summary>
    private async Task ServedAgainAsync()
    {
        var inARow = 0;
        for (var round = 0; inARow < 3; round++)
        {
            round.ShouldBeLessThan(RoundsToRecover, "the instances do not serve again");
            var race = await Race.RunAsync(Instances, Client, round % 2 == 0 ? Delivery.ByValue : Delivery.Pushed);
            race.IsSafe.ShouldBeTrue(race.ToString());
            inARow = race.IsDecidedOnce ? inARow + 1 : 0;
            if (!race.IsDecidedOnce)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }

        (await RoundsAsync(6)).Where(r => !r.IsDecidedOnce).ShouldBeEmpty();
    }

    /// <summary>
    /// Each race's object has exactly one record per attempt, at the endpoint it was sent to, with its jti: one with
    /// <paramref name="first"/> and <paramref name="firstRule"/>, the others refused with <paramref name="otherRule"/>.
    /// </summary>
    private async Task ShouldBeRecordedAsync(IReadOnlyList<Race> races, JarOutcome first, string firstRule, string otherRule)
    {
        var clientId = Client.ClientId;
        var records = (await Stores.QueryAsync(Instances[0], db => db.Set<JarDecisionRecord>().AsNoTracking()
                .Where(r => r.ClientId == clientId)
                .Select(r => new { r.RequestObjectHash, r.Outcome, r.RuleIds, r.Endpoint, r.JwtId })
                .ToListAsync()))
            .ToLookup(r => r.RequestObjectHash);
        var incomplete = new List<string>();
        foreach (var race in races)
        {
            var endpoint = race.Delivery == Delivery.ByValue ? JarEndpoint.Authorization : JarEndpoint.PushedAuthorization;
            var jti = Stores.Claim(race.RequestObject, "jti");
            var expected = Enumerable.Repeat((JarOutcome.Refused, otherRule), race.Answers.Count - 1).Prepend((first, firstRule)).Order().ToList();
            var decided = records[Stores.Sha256Hex(race.RequestObject)].ToList();
            if (!decided.Select(r => (r.Outcome, r.RuleIds)).Order().SequenceEqual(expected) || decided.Any(r => r.Endpoint != endpoint || r.JwtId != jti))
            {
                incomplete.Add($"{race}: {string.Join(", ", decided.Select(r => $"{r.Outcome} {r.RuleIds} {r.Endpoint}"))}");
            }
        }

        incomplete.Take(5).ShouldBeEmpty();
    }
}
