namespace Jar.IdentityServer.Extensions.Redis;

/// <summary>Where the Redis replay ledger keeps consumed <c>jti</c> values.</summary>
public sealed class RedisReplayLedgerOptions
{
    /// <summary>
    /// The StackExchange.Redis configuration string (<c>host:port[,password=...][,ssl=true]</c>). Required. Every
    /// instance of the authorization server must name the same Redis, or replays across instances go unseen.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>The prefix of every key the ledger writes, so that the ledger can share a Redis with other data.</summary>
    public string KeyPrefix { get; set; } = "jar:jti:";

    /// <summary>
    /// How long one ledger call may wait for Redis before the request is refused (JAR901); StackExchange.Redis's own
    /// default. A Redis that is down fails at once (no backlog), so this bounds only a slow server: long enough that
    /// a busy host does not refuse requests Redis would have answered, short enough that the user is not left waiting.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
