using Jar.IdentityServer.Extensions.Redis;
using Jar.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// <see cref="ReplayAcrossInstancesTests"/> with the replay ledger in Redis (<c>Jar:ReplayLedger = Redis</c>): the
/// instances share the database for policies and decision records, and Redis for consumed <c>jti</c> values.
/// </summary>
public sealed class ReplayAcrossInstancesOnTheRedisLedgerTests(SharedRedisLedgerInstances instances)
    : ReplayAcrossInstancesTests(instances), IClassFixture<SharedRedisLedgerInstances>
{
    [Fact]
    public async Task A_consumed_jti_is_held_in_Redis_until_the_object_expires_plus_the_clock_skew_and_not_in_the_database()
    {
        var attempt = Instances.A.Attempt(Instances.Clients.Signing);
        var requestObject = NewRequestObject(attempt);
        var jti = Stores.Claim(requestObject, "jti");
        Outage.IsServed(await attempt.SendAsync(Delivery.ByValue, requestObject)).ShouldBeTrue();

        var key = Instances.A.Services.GetRequiredService<RedisReplayLedger>().Key(Instances.Clients.Signing.ClientId, jti);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisLedger.SharedServer);
        var before = DateTimeOffset.UtcNow;
        var lifetime = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        var after = DateTimeOffset.UtcNow;

        // The key lives until exp plus the strict profile's clock skew (15 s), counted from the moment it is read.
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(Stores.NumericClaim(requestObject, "exp"), System.Globalization.CultureInfo.InvariantCulture)) + TimeSpan.FromSeconds(15);
        lifetime.ShouldNotBeNull();
        lifetime.Value.ShouldBeInRange(expiresAt - after - TimeSpan.FromSeconds(1), expiresAt - before + TimeSpan.FromSeconds(1));
        (await Stores.ReplayEntryExistsAsync(Instances.B, Instances.Clients.Signing.ClientId, jti)).ShouldBeFalse();
    }
}
