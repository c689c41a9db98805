using System.Net;
using Npgsql;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Three instances of the sample host, each on Kestrel at 127.0.0.1 and a port of its own, as a deployment runs them
/// behind a load balancer: one PostgreSQL database (reached through a <see cref="TcpRelay"/> the test can cut, with
/// <c>Pooling=true</c>), one Redis replay ledger (a <see cref="RedisServer"/> the test can kill), and one issuer
/// identifier, <c>Server:Issuer</c>, so an object signed for the service is good at every instance.
/// </summary>
public sealed class KestrelInstances : IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    public KestrelInstances()
    {
        var server = _database.ConnectionString;
        Relay = new TcpRelay(new IPEndPoint(IPAddress.Parse(server.Host!), server.Port));
        var relayed = new NpgsqlConnectionStringBuilder(server.ToString())
        {
            Host = "127.0.0.1",
            Port = Relay.Port,
            Pooling = true,
            CommandTimeout = RelayedPostgreSqlHost.CommandTimeoutSeconds,
        }.ToString();
        void Settings(Dictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Jar"] = relayed;
            settings["Server:Issuer"] = SampleHostFactory.Issuer;
            RedisLedger.Configure(settings, Redis.Configuration);
        }

        // One after another: the first migrates the database, the others find it migrated.
        Instances = [.. Enumerable.Range(0, 3).Select(_ => new OperationsHost(Clients, Settings, kestrel: true).Started())];
    }

    public OperationsClients Clients { get; } = new();

    public RedisServer Redis { get; } = new();

    public TcpRelay Relay { get; }

    public IReadOnlyList<OperationsHost> Instances { get; }

    public void Dispose()
    {
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }

        Relay.Dispose();
        Redis.Dispose();
        _database.Dispose();
        Clients.Dispose();
    }
}
