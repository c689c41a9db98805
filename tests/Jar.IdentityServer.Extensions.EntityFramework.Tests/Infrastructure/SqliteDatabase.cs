using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>A SQLite database in a file of its own, in a temporary directory removed afterwards.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "jar-ef-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(Directory, "jar.db") }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    // A file in a directory that does not exist cannot be opened, nor created.
    public override void ConfigureUnreachable(DbContextOptionsBuilder options) =>
        options.UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(Directory + "-missing", "jar.db") }.ToString());

    protected override Task CreateAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
