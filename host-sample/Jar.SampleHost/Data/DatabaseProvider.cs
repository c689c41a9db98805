using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>
/// The one place where configuration picks the database: <c>Database:Provider</c> = <c>Sqlite</c> (the default, a
/// local file that needs no set-up), <c>PostgreSql</c> or <c>SqlServer</c>, with the connection string
/// <c>ConnectionStrings:Jar</c>.
/// </summary>
public static class DatabaseProvider
{
    /// <summary>An embedded SQLite file.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string PostgreSql = "PostgreSql";

    /// <summary>Microsoft SQL Server.</summary>
    public const string SqlServer = "SqlServer";

    /// <summary>The SQLite file used when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/jar-sample.db";

    /// <summary>Configures <paramref name="options"/> for the configured provider, with OpenIddict's entities.</summary>
    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Database:Provider"] is { Length: > 0 } configured ? configured : Sqlite;
        var connectionString = configuration.GetConnectionString("Jar");
        if (provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            options.UseSqlite(SqliteConnectionString(connectionString, contentRoot));
        }
        else if (provider.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            options.UseNpgsql(Required(connectionString, provider));
        }
        else if (provider.Equals(SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            options.UseSqlServer(Required(connectionString, provider));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use {Sqlite}, {PostgreSql} or {SqlServer}.");
        }

        options.UseOpenIddict();
    }

    /// <summary>
    /// A relative SQLite path is taken from the content root, not from the working directory, so
    /// <c>dotnet run --project</c> finds the same file from anywhere; its folder is created.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={DefaultSqliteFile}");
        if (builder.Mode != SqliteOpenMode.Memory && builder.DataSource is { Length: > 0 } path && path != ":memory:")
        {
            var fullPath = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            builder.DataSource = fullPath;
        }

        return builder.ToString();
    }

    private static string Required(string? connectionString, string provider) =>
        connectionString is { Length: > 0 }
            ? connectionString
            : throw new InvalidOperationException($"Database:Provider is {provider}: set ConnectionStrings:Jar to its connection string.");
}
