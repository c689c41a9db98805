using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jar.SampleHost.Data;

/// <summary>
/// The one place where configuration picks the database: <c>Database:Provider</c> = <c>Sqlite</c> (the default, a
/// local file that needs no set-up), <c>PostgreSql</c> or <c>SqlServer</c>, with the connection string
/// <c>ConnectionStrings:Jar</c>; and the <see cref="AppDbContext"/> whose migrations fit that provider.
/// </summary>
public static class DatabaseProvider
{
    /// <summary>An embedded SQLite file.</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>PostgreSQL through Npgsql.</summary>
    public const string PostgreSql = "PostgreSql";

    /// <summary>Microsoft SQL Server (2019 or later).</summary>
    public const string SqlServer = "SqlServer";

    /// <summary>The SQLite file used when no connection string is configured, relative to the content root.</summary>
    public const string DefaultSqliteFile = "App_Data/jar-sample.db";

    /// <summary>The configured provider, spelled as one of the constants above.</summary>
    /// <exception cref="InvalidOperationException">The configured provider is none of them.</exception>
    public static string Name(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Database:Provider"] is { Length: > 0 } value ? value : Sqlite;
        foreach (var known in (string[])[Sqlite, PostgreSql, SqlServer])
        {
            if (configured.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        throw new InvalidOperationException($"Database:Provider '{configured}' is not supported: use {Sqlite}, {PostgreSql} or {SqlServer}.");
    }

    /// <summary>Configures <paramref name="options"/> for the configured provider and connection string.</summary>
    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = Name(configuration);
        var connectionString = configuration.GetConnectionString("Jar");
        _ = provider switch
        {
            Sqlite => options.UseSqlite(SqliteConnectionString(connectionString, contentRoot)).AddInterceptors(SqliteConnectionSettings.Instance),
            PostgreSql => options.UseNpgsql(Required(connectionString, provider)),
            _ => options.UseSqlServer(Required(connectionString, provider)),
        };

        // EF Core logs every failed command and SaveChanges as an Error with the exception, before the code that
        // catches it knows what it was. That code logs it once at the right level: a replayed request object (the
        // unique violation the replay ledger expects) is the engine's one Warning line (event 4101, JAR406); a fault
        // is logged with its stack trace where it is caught (engine event 4103, host event 5009, or ASP.NET Core's
        // unhandled exception log). So EF Core's own copies are Debug.
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }

    /// <summary>The context of <paramref name="provider"/>: the one its migrations were generated for.</summary>
    public static AppDbContext CreateContext(string provider, DbContextOptions options) => provider switch
    {
        Sqlite => new SqliteAppDbContext(options),
        PostgreSql => new PostgreSqlAppDbContext(options),
        SqlServer => new SqlServerAppDbContext(options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider name."),
    };

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
