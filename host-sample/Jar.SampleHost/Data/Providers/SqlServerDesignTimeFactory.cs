using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jar.SampleHost.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server context without starting the host:
/// <c>dotnet ef migrations add &lt;Name&gt; --context SqlServerAppDbContext --output-dir Migrations/SqlServer</c>, and
/// <c>dotnet ef migrations script --idempotent --context SqlServerAppDbContext</c> for a DBA to run. No connection is
/// opened to add a migration or to script one.
/// </summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlServer().Options);
}
