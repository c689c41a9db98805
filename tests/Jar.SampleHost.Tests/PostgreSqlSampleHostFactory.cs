using Npgsql;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The sample host on PostgreSQL (<c>Database:Provider = PostgreSql</c>): a database of its own on the server named
/// by <c>JAR_TEST_POSTGRES</c> (test.sh starts one), dropped afterwards. Without the variable these tests fail: the
/// provider switch is not proven until the host has run on it.
/// </summary>
public sealed class PostgreSqlSampleHostFactory : SampleHostFactory
{
    public const string Variable = "JAR_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _name = "jar_sample_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public PostgreSqlSampleHostFactory()
    {
        _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{Variable} is not set. Run ./test.sh, or set it to a PostgreSQL server, e.g. {Variable}='Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=postgres'.");
        Execute($"CREATE DATABASE \"{_name}\"");
        _created = true;
    }

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        settings["Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Jar"] = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _created)
        {
            _created = false;
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
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
