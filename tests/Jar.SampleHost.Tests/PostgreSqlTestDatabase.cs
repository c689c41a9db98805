using Npgsql;

namespace Jar.SampleHost.Tests;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>JAR_TEST_POSTGRES</c> (test.sh starts one), dropped
/// on dispose. Without the variable the constructor throws: a PostgreSQL test never passes without PostgreSQL.
/// </summary>
public sealed class PostgreSqlTestDatabase : IDisposable
{
    public const string Variable = "JAR_TEST_POSTGRES";

    private readonly string _server;
    private bool _created;

    public PostgreSqlTestDatabase()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{Variable} is not set. Run ./test.sh, or set it to a PostgreSQL server, e.g. {Variable}='Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=postgres'.");
        Execute($"CREATE DATABASE \"{Name}\"");
        _created = true;
    }

    public string Name { get; } = "jar_sample_" + Guid.NewGuid().ToString("N");

    /// <summary>The server's connection string with this database.</summary>
    public NpgsqlConnectionStringBuilder ConnectionString => new(_server) { Database = Name };

    public void Dispose()
    {
        if (_created)
        {
            _created = false;
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
