using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jar.IdentityServer.Extensions.Redis;

/// <summary>
/// The replay ledger in Redis (RFC 9101 §10.2): consuming a <c>jti</c> is one <c>SET key value NX PX ttl</c>, which
/// Redis executes atomically, so of any number of concurrent consumers on any number of instances exactly one sets
/// the key. The key holds the client and the <c>jti</c>; it lives until the object's expiry plus the clock skew (the
/// engine passes that instant), after which the object is refused as expired anyway and Redis frees the memory.
/// Anything but a definite answer from Redis throws, and the engine refuses the request (JAR901, fail closed).
/// </summary>
internal sealed class RedisReplayLedger(RedisConnection connection, IOptions<RedisReplayLedgerOptions> options, TimeProvider time) : IReplayLedger
{
    private readonly string _prefix = options.Value.KeyPrefix;

    public async ValueTask<bool> TryConsumeAsync(string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(jwtId);

        // An instant already past still takes the key for a moment: the engine has checked the expiry, and a zero
        // or negative PX is an error in Redis.
        var lifetime = expiresAt - time.GetUtcNow();
        if (lifetime < TimeSpan.FromSeconds(1))
        {
            lifetime = TimeSpan.FromSeconds(1);
        }

        var database = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await database.StringSetAsync(Key(clientId, jwtId), expiresAt.ToUnixTimeSeconds(), lifetime, When.NotExists).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>prefix + length(client_id) + ':' + client_id + ':' + jti</c>: the length keeps the pair unambiguous whatever
    /// either value contains (client <c>a:b</c> with jti <c>c</c> is not client <c>a</c> with jti <c>b:c</c>).
    /// </summary>
    internal RedisKey Key(string clientId, string jwtId) =>
        string.Concat(_prefix, clientId.Length.ToString(CultureInfo.InvariantCulture), ":", clientId, ":", jwtId);
}
