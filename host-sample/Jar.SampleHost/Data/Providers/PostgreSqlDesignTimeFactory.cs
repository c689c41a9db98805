using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jar.SampleHost.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL context without starting the host:
/// <c>dotnet ef migrations add &lt;Name&gt; --context PostgreSqlAppDbContext --output-dir Migrations/PostgreSql</c>.
/// No connection is opened to add a migration or to script one.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql().Options);
}
