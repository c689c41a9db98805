namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Two instances of the sample host on one PostgreSQL database, as behind a load balancer: <see cref="A"/> starts
/// first and migrates it, <see cref="B"/> then starts on the migrated database. Each has its own process-level state
/// (policy cache, OpenIddict's signing keys, Npgsql's connection pool); they share only the database.
/// </summary>
public sealed class SharedPostgreSqlInstances : IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    public SharedPostgreSqlInstances()
    {
        var connectionString = _database.ConnectionString.ToString();
        void Database(Dictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Jar"] = connectionString;
        }

        A = new OperationsHost(Clients, Database).Started();
        B = new OperationsHost(Clients, Database).Started();
    }

    public OperationsClients Clients { get; } = new();

    public OperationsHost A { get; }

    public OperationsHost B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        _database.Dispose();
        Clients.Dispose();
    }
}
