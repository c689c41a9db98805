using System.Net;
using Npgsql;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The sample host on PostgreSQL through a <see cref="TcpRelay"/>, with <c>Pooling=true</c> as a deployment runs:
/// the test cuts the database away and brings it back while the host keeps running. A command waits at most
/// <see cref="CommandTimeoutSeconds"/> for a lock, as a deployment bounds it below its clients' patience.
/// </summary>
public sealed class RelayedPostgreSqlHost : IDisposable
{
    public const int CommandTimeoutSeconds = 2;

    private readonly PostgreSqlTestDatabase _database = new();

    public RelayedPostgreSqlHost()
    {
        var server = _database.ConnectionString;
        Relay = new TcpRelay(new IPEndPoint(IPAddress.Parse(server.Host!), server.Port));
        var relayed = new NpgsqlConnectionStringBuilder(server.ToString()) { Host = "127.0.0.1", Port = Relay.Port, Pooling = true, CommandTimeout = CommandTimeoutSeconds }.ToString();
        Host = new OperationsHost(Clients, settings =>
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Jar"] = relayed;
        }).Started();
    }

    public OperationsClients Clients { get; } = new();

    public TcpRelay Relay { get; }

    public OperationsHost Host { get; }

    /// <summary>A connection straight to the server, around the relay: the operator's, or another application's.</summary>
    public NpgsqlConnection OpenDirect()
    {
        var connection = new NpgsqlConnection(_database.ConnectionString.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        Relay.Dispose();
        Host.Dispose();
        _database.Dispose();
        Clients.Dispose();
    }
}
