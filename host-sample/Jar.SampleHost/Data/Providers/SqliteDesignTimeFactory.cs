using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jar.SampleHost.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite context without starting the host:
/// <c>dotnet ef migrations add &lt;Name&gt; --context SqliteAppDbContext --output-dir Migrations/Sqlite</c>.
/// No connection is opened to add a migration or to script one.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite().Options);
}
