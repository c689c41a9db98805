using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Audit;

/// <summary>
/// The trail search is filtered in the database on every provider: each of its queries, with every criterion set,
/// translates to SQL (EF Core throws on anything it would have to evaluate on the client). No SQL Server runs here, so
/// its SQL is parsed by Microsoft's T-SQL parser; SQLite and PostgreSQL run the search in the sample host's tests.
/// </summary>
public sealed class TrailSearchTranslationTests
{
    private static readonly JarTrailSearch Everything = new()
    {
        Text = "JAR602", Outcome = JarOutcome.Refused, ClientId = "strict-client", RequestObjectHash = new string('a', 64),
    };

    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_query_of_a_search_with_every_criterion_translates_to_SQL(string provider)
    {
        using var context = Context(provider);
        var all = context.Set<JarDecisionRecord>().AsNoTracking();

        var queries = new[]
        {
            TrailSearchQuery.NewestTrailIds(all, Everything, 50).ToQueryString(),
            TrailSearchQuery.NewestRecordsWithoutTrail(all, Everything, 50).ToQueryString(),
            TrailSearchQuery.RecordsOf(all, ["0123456789abcdef0123456789abcdef"]).ToQueryString(),
        };

        queries.ShouldAllBe(sql => sql.Contains("JarDecisionRecords"));
        queries[0].ShouldContain("GROUP BY");
        queries[0].ShouldContain("EXISTS"); // the final outcome, as a correlated subquery
        if (provider == "SqlServer")
        {
            foreach (var sql in queries)
            {
                // The parameter declarations ToQueryString prints are T-SQL too.
                using var reader = new StringReader(sql);
                new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
                errors.Select(e => $"{e.Line}: {e.Message}").ShouldBeEmpty(sql);
            }
        }
    }

    private static TestDbContext Context(string provider)
    {
        var builder = new DbContextOptionsBuilder<TestDbContext>();
        _ = provider switch
        {
            "Sqlite" => builder.UseSqlite("Data Source=:memory:"),
            "PostgreSql" => builder.UseNpgsql("Host=unused;Database=unused"),
            _ => builder.UseSqlServer("Server=unused;Database=unused"),
        };
        return new TestDbContext(builder.Options);
    }
}
