using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>The host's database on SQL Server; its migrations are in <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions options) : AppDbContext(options)
{
    /// <summary>
    /// A binary collation: ordinal comparison of the UTF-16 code units, as .NET's <see cref="StringComparison.Ordinal"/>.
    /// SQL Server 2019 or later (the <c>_UTF8</c> family).
    /// </summary>
    public const string CaseSensitiveCollation = "Latin1_General_100_BIN2_UTF8";

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // SQL Server's default collation ignores case. A client_id and a jti are case-sensitive strings (RFC 6749
        // §2.2, RFC 7519 §4.1.7): 'abc' and 'ABC' are two jti values, so the replay key must not treat the second as
        // a replay of the first, and one client's policy row must never match another client's id.
        modelBuilder.Entity<JarClientPolicy>().Property(p => p.ClientId).UseCollation(CaseSensitiveCollation);
        modelBuilder.Entity<JarReplayEntry>().Property(e => e.ClientId).UseCollation(CaseSensitiveCollation);
        modelBuilder.Entity<JarReplayEntry>().Property(e => e.JwtId).UseCollation(CaseSensitiveCollation);
        modelBuilder.Entity<JarDecisionRecord>().Property(r => r.ClientId).UseCollation(CaseSensitiveCollation);
        modelBuilder.Entity<JarDecisionRecord>().Property(r => r.JwtId).UseCollation(CaseSensitiveCollation);
    }
}
