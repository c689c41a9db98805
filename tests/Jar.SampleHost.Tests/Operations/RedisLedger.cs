namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The settings that put a host's replay ledger in Redis (<c>Jar:ReplayLedger = Redis</c>,
/// <c>ConnectionStrings:Redis</c>), and the shared test server: <c>JAR_TEST_REDIS</c> (host:port; test.sh starts one
/// with scripts/redis.sh). Without the variable these tests fail: the Redis ledger is not proven until it has run.
/// </summary>
public static class RedisLedger
{
    public const string Variable = "JAR_TEST_REDIS";

    public static string SharedServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException($"{Variable} is not set. Run ./test.sh, or `source scripts/redis.sh`, or set it to a Redis server, e.g. {Variable}=127.0.0.1:56379.");

    public static void Configure(IDictionary<string, string?> settings, string server)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Jar:ReplayLedger"] = "Redis";
        settings["ConnectionStrings:Redis"] = server;
    }
}
