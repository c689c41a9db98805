using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Model;

/// <summary>
/// No SQL Server runs here, so its schema is proven as far as it can be without one: the provider's own CREATE
/// script for the host's context, parsed by Microsoft's T-SQL parser.
/// </summary>
public sealed class SqlServerSchemaTests
{
    private static readonly string Script = CreateScript();

    [Fact]
    public void The_SQL_Server_script_for_the_context_parses_and_creates_the_JAR_tables()
    {
        using var reader = new StringReader(Script);
        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        errors.Select(e => $"{e.Line}: {e.Message}").ShouldBeEmpty();
        var tables = script.Batches.SelectMany(b => b.Statements).OfType<CreateTableStatement>().Select(t => t.SchemaObjectName.BaseIdentifier.Value).ToList();
        tables.ShouldContain("JarClientPolicies");
        tables.ShouldContain("JarReplayEntries");
        tables.ShouldContain("JarDecisionRecords");
        tables.ShouldContain("OpenIddictApplications");
    }

    [Fact]
    public void The_SQL_Server_replay_key_and_time_columns_are_the_documented_ones()
    {
        Script.ShouldContain("CONSTRAINT [PK_JarReplayEntries] PRIMARY KEY ([ClientId], [JwtId])");
        Script.ShouldContain("[ClientId] nvarchar(100) NOT NULL");
        Script.ShouldContain("[JwtId] nvarchar(256) NOT NULL");
        Script.ShouldContain("[ExpiresAt] datetime2 NOT NULL");
        Script.ShouldContain("CREATE INDEX [IX_JarReplayEntries_ExpiresAt] ON [JarReplayEntries] ([ExpiresAt]);");
        Script.ShouldContain("CREATE INDEX [IX_JarDecisionRecords_ClientId_DecidedAt] ON [JarDecisionRecords] ([ClientId], [DecidedAt]);");
        Script.ShouldContain("[RequestObjectHash] nchar(64) NULL");
        Script.ShouldContain("CREATE TABLE [OpenIddictApplications]");
    }

    private static string CreateScript()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>().UseSqlServer("Server=unused;Database=unused").Options;
        using var context = new TestDbContext(options);
        return context.Database.GenerateCreateScript();
    }
}
