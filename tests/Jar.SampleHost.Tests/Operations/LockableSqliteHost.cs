using Microsoft.Data.Sqlite;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The sample host on its own SQLite file (pooled connections, as the host runs by default), which another
/// connection can hold with an exclusive lock: the host's writes then fail with SQLITE_BUSY once a command has
/// waited <see cref="BusyTimeoutSeconds"/> (Microsoft.Data.Sqlite's <c>Default Timeout</c>, 30 s unless set).
/// </summary>
public sealed class LockableSqliteHost : IDisposable
{
    public const int BusyTimeoutSeconds = 1;

    private readonly string _directory = Directory.CreateTempSubdirectory("jar-sample-ops-").FullName;

    public LockableSqliteHost()
    {
        File = Path.Combine(_directory, "jar-sample.db");
        Host = new OperationsHost(Clients, settings =>
        {
            settings["Database:Provider"] = "Sqlite";
            settings["ConnectionStrings:Jar"] = $"Data Source={File};Default Timeout={BusyTimeoutSeconds}";
        }).Started();
    }

    public string File { get; }

    public OperationsClients Clients { get; } = new();

    public OperationsHost Host { get; }

    /// <summary>Another connection to the file in <c>BEGIN EXCLUSIVE</c>: disposing it rolls back and lets go.</summary>
    public async Task<SqliteConnection> LockAsync()
    {
        var connection = new SqliteConnection($"Data Source={File};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN EXCLUSIVE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    public void Dispose()
    {
        Host.Dispose();
        Clients.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
