namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The two instances of <see cref="SharedPostgreSqlInstances"/> with their replay ledger in the shared Redis
/// (<see cref="RedisLedger.SharedServer"/>): policies and decision records stay in the database.
/// </summary>
public sealed class SharedRedisLedgerInstances() : SharedPostgreSqlInstances(static settings => RedisLedger.Configure(settings, RedisLedger.SharedServer));
