namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Two instances of the sample host on one PostgreSQL database, as behind a load balancer: <see cref="A"/> starts
/// first and migrates it, <see cref="B"/> then starts on the migrated database. Each has its own process-level state
/// (policy cache, OpenIddict's signing keys, Npgsql's connection pool); they share only the database, and the
/// replay ledger in it unless a subclass puts the ledger elsewhere (<see cref="SharedRedisLedgerInstances"/>).
/// </summary>
public class SharedPostgreSqlInstances : IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    public SharedPostgreSqlInstances()
        : this(static _ => { })
    {
    }

    /// <param name="ledger">More settings of both instances: where their replay ledger is.</param>
    protected SharedPostgreSqlInstances(Action<Dictionary<string, string?>> ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var connectionString = _database.ConnectionString.ToString();
        void Settings(Dictionary<string, string?> settings)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:Jar"] = connectionString;
            ledger(settings);
        }

        A = new OperationsHost(Clients, Settings).Started();
        B = new OperationsHost(Clients, Settings).Started();
    }

    public OperationsClients Clients { get; } = new();

    public OperationsHost A { get; }

    public OperationsHost B { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            A.Dispose();
            B.Dispose();
            _database.Dispose();
            Clients.Dispose();
        }
    }
}
