using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.Testing;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The Redis replay ledger fails closed and recovers by itself: while its Redis is down (the process killed), every
/// request whose object carries a <c>jti</c> is refused <c>temporarily_unavailable</c> (JAR901) and none is accepted
/// unchecked; requests that need no ledger are still served; once a Redis answers on the address again, the same
/// instance serves again without a restart. Each refusal is recorded.
/// </summary>
public sealed class RedisOutageTests : IDisposable
{
    /// <summary>How many times a request is tried once Redis is back, a quarter of a second apart (the client reconnects about once a second).</summary>
    private const int AttemptsToRecover = 120;

    private readonly RedisServer _redis = new();
    private readonly OperationsClients _clients = new();
    private readonly OperationsHost _host;
    private readonly string _directory = Directory.CreateTempSubdirectory("jar-redis-outage-").FullName;

    public RedisOutageTests()
    {
        _host = new OperationsHost(_clients, settings =>
        {
            settings["Database:Provider"] = "Sqlite";
            settings["ConnectionStrings:Jar"] = $"Data Source={Path.Combine(_directory, "jar.db")};Pooling=False";
            RedisLedger.Configure(settings, _redis.Configuration);
        }).Started();
    }

    [Fact]
    public async Task While_Redis_is_down_every_request_object_with_a_jti_is_refused_temporarily_unavailable_JAR901_and_served_again_once_Redis_is_back()
    {
        Outage.IsServed(await Outage.SendByValueAsync(_host)).ShouldBeTrue();

        _redis.Stop();

        var refused = new List<FlowResult>();
        for (var i = 0; i < 5; i++)
        {
            refused.Add(await Outage.SendByValueAsync(_host));
            refused.Add(await Outage.SendPushedAsync(_host));
        }

        foreach (var result in refused)
        {
            result.ShouldBeRefused("temporarily_unavailable", "JAR901");
        }

        // A request without a request object needs no ledger: the database is up, so it is served.
        Outage.IsServed(await Outage.SendPlainAsync(_host)).ShouldBeTrue();

        _redis.Start();

        var byValue = await Outage.ServedAgainAsync(() => Outage.SendByValueAsync(_host), attempts: AttemptsToRecover, pause: TimeSpan.FromMilliseconds(250));
        await Outage.ServedAgainAsync(() => Outage.SendPushedAsync(_host), attempts: AttemptsToRecover, pause: TimeSpan.FromMilliseconds(250));
        await byValue.ShouldGrantCodeAsync();

        // Every refusal during the outage is on record as JAR901, with the object's jti.
        var jtis = refused.Select(r => r.Attempt.RequestObject.Claim("jti")).ToList();
        var records = await Stores.QueryAsync(_host, db => db.Set<JarDecisionRecord>().Where(r => r.JwtId != null && jtis.Contains(r.JwtId)).ToListAsync());
        records.Count.ShouldBe(jtis.Count);
        records.ShouldAllBe(r => r.Outcome == JarOutcome.Refused && r.RuleIds == "JAR901");
    }

    public void Dispose()
    {
        _host.Dispose();
        _redis.Dispose();
        _clients.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
