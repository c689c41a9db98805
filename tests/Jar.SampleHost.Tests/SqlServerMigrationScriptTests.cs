using Jar.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Jar.SampleHost.Tests;

/// <summary>
/// No SQL Server runs here, so the SQL Server migrations are proven as far as they can be without one: the idempotent
/// script a DBA would run, generated the way <c>dotnet ef migrations script --idempotent</c> does (EF Core's
/// <see cref="IMigrator"/> over the design-time context), parsed by Microsoft's T-SQL parser and read for the tables,
/// the replay key and the case-sensitive collation. ./test.sh also writes the CLI's own script to
/// artifacts/sqlserver.sql; when it is there, it gets the same checks and must be the same script.
/// </summary>
public sealed class SqlServerMigrationScriptTests
{
    public const string ArtifactPath = "artifacts/sqlserver.sql";

    private static readonly Lazy<string> Generated = new(() =>
    {
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    });

    public static TheoryData<string> Sources()
    {
        var sources = new TheoryData<string> { "generated" };
        if (File.Exists(Artifact))
        {
            sources.Add(ArtifactPath);
        }

        return sources;
    }

    private static string Artifact => Path.Combine(RepositoryRoot(), ArtifactPath);

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_script_parses_without_errors_and_creates_the_OpenIddict_JAR_and_history_tables(string source)
    {
        var schema = Schema.Parse(Script(source));

        schema.Errors.ShouldBeEmpty();
        if (source == ArtifactPath)
        {
            Normalize(Script(source)).ShouldBe(Normalize(Generated.Value), "artifacts/sqlserver.sql is not the script of the current migrations: run ./test.sh");
        }

        schema.Tables.Keys.ShouldBe(
        [
            "__EFMigrationsHistory", "DemoPendingAuthorizations", "JarClientPolicies", "JarDecisionChainHeads", "JarDecisionRecords", "JarPolicyChanges", "JarReplayEntries",
            "OpenIddictApplications", "OpenIddictAuthorizations", "OpenIddictScopes", "OpenIddictTokens",
        ], ignoreOrder: true);
        schema.Indexes.ShouldContain(("JarReplayEntries", "IX_JarReplayEntries_ExpiresAt"));
        schema.Indexes.ShouldContain(("JarDecisionRecords", "IX_JarDecisionRecords_ClientId_DecidedAt"));
        schema.Indexes.ShouldContain(("JarDecisionRecords", "IX_JarDecisionRecords_Sequence"));
        schema.Indexes.ShouldContain(("OpenIddictApplications", "IX_OpenIddictApplications_ClientId"));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_replay_ledger_is_keyed_by_client_id_and_jti_so_a_replay_is_a_unique_violation(string source)
    {
        var replay = Schema.Parse(Script(source)).Tables["JarReplayEntries"];

        var key = replay.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().ShouldHaveSingleItem();
        key.IsPrimaryKey.ShouldBeTrue();
        key.ConstraintIdentifier.Value.ShouldBe("PK_JarReplayEntries");
        key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ShouldBe(["ClientId", "JwtId"]);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Client_id_and_jti_columns_compare_case_sensitively_and_nothing_else_changes_collation(string source)
    {
        var schema = Schema.Parse(Script(source));

        var collated = schema.Tables.Values
            .SelectMany(t => t.Definition.ColumnDefinitions.Where(c => c.Collation is not null).Select(c => (Table: t.Name, Column: c.ColumnIdentifier.Value, Collation: c.Collation.Value)))
            .ToList();
        collated.ShouldBe(
        [
            ("JarClientPolicies", "ClientId", SqlServerAppDbContext.CaseSensitiveCollation),
            ("JarDecisionRecords", "ClientId", SqlServerAppDbContext.CaseSensitiveCollation),
            ("JarDecisionRecords", "JwtId", SqlServerAppDbContext.CaseSensitiveCollation),
            ("JarReplayEntries", "ClientId", SqlServerAppDbContext.CaseSensitiveCollation),
            ("JarReplayEntries", "JwtId", SqlServerAppDbContext.CaseSensitiveCollation),
        ], ignoreOrder: true);
        SqlServerAppDbContext.CaseSensitiveCollation.ShouldBe("Latin1_General_100_BIN2_UTF8");
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_script_is_idempotent_each_step_guarded_by_the_migration_history(string source)
    {
        var schema = Schema.Parse(Script(source));

        // Each CREATE runs only while the history lacks the migration, and the migration is then recorded.
        schema.UnguardedCreates.ShouldBe(["__EFMigrationsHistory"]);
        schema.HistoryInserts[0].ShouldEndWith("_Initial");
        using var context = new SqlServerDesignTimeFactory().CreateDbContext([]);
        schema.HistoryInserts.ShouldBe(context.Database.GetMigrations().ToList());
    }

    private static string Script(string source) => source == "generated" ? Generated.Value : File.ReadAllText(Artifact);

    private static string Normalize(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "test.sh")) && Directory.Exists(Path.Combine(directory.FullName, "host-sample")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    /// <summary>What a T-SQL script creates, read from its syntax tree, including the statements EF wraps in EXEC.</summary>
    private sealed class Schema : TSqlFragmentVisitor
    {
        private int _guards;

        public List<string> Errors { get; } = [];

        public Dictionary<string, (string Name, TableDefinition Definition)> Tables { get; } = new(StringComparer.Ordinal);

        public List<(string Table, string Index)> Indexes { get; } = [];

        public List<string> UnguardedCreates { get; } = [];

        public List<string> HistoryInserts { get; } = [];

        public static Schema Parse(string script)
        {
            var schema = new Schema();
            schema.Read(script);
            return schema;
        }

        public override void ExplicitVisit(IfStatement node)
        {
            // EF's guard: IF NOT EXISTS (SELECT * FROM [__EFMigrationsHistory] WHERE [MigrationId] = N'...').
            var guarded = node.Predicate is BooleanNotExpression { Expression: ExistsPredicate exists }
                && exists.Subquery.QueryExpression is QuerySpecification { FromClause.TableReferences: [NamedTableReference { SchemaObject.BaseIdentifier.Value: "__EFMigrationsHistory" }] };
            _guards += guarded ? 1 : 0;
            node.ThenStatement?.Accept(this);
            node.ElseStatement?.Accept(this);
            _guards -= guarded ? 1 : 0;
        }

        public override void Visit(CreateTableStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            Tables[name] = (name, node.Definition);
            if (_guards == 0)
            {
                UnguardedCreates.Add(name);
            }
        }

        public override void Visit(CreateIndexStatement node)
        {
            Indexes.Add((node.OnName.BaseIdentifier.Value, node.Name.Value));
            if (_guards == 0)
            {
                UnguardedCreates.Add(node.Name.Value);
            }
        }

        public override void Visit(InsertStatement node)
        {
            if (node.InsertSpecification.Target is NamedTableReference { SchemaObject.BaseIdentifier.Value: "__EFMigrationsHistory" }
                && node.InsertSpecification.InsertSource is ValuesInsertSource values)
            {
                HistoryInserts.AddRange(values.RowValues.Select(r => ((StringLiteral)r.ColumnValues[0]).Value));
            }
        }

        public override void Visit(ExecuteStatement node)
        {
            // EXEC(N'...'): EF defers a statement the batch could not compile yet; its text is T-SQL too.
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList strings)
            {
                Read(string.Concat(strings.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            }
        }

        private void Read(string script)
        {
            using var reader = new StringReader(script);
            var fragment = new TSql180Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
            Errors.AddRange(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
            fragment.Accept(this);
        }
    }
}
