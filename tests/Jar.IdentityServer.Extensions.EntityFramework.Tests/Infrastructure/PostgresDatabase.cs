using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own (unique name) on the server named by <c>JAR_TEST_POSTGRES</c>, dropped
/// afterwards. Without the variable every PostgreSQL test fails: a store that was never run on PostgreSQL is not
/// proven to work there.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string Variable = "JAR_TEST_POSTGRES";

    private readonly string _name = "jar_ef_" + Guid.NewGuid().ToString("N");
    private string? _server;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ToString();

    private string Server => _server ?? throw new InvalidOperationException("The database was not created.");

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    // Nothing listens on port 1; the connection is refused at once.
    public override void ConfigureUnreachable(DbContextOptionsBuilder options) =>
        options.UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionString) { Port = 1, Timeout = 5 }.ToString());

    protected override async Task CreateAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. The PostgreSQL store tests need a PostgreSQL server, for example "
                + $"{Variable}='Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres;Database=postgres'.");
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
