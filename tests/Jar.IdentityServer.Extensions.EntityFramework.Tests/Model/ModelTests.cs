using System.Data.Common;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Model;

/// <summary>The JAR tables live in the host's own context, beside OpenIddict's, on each provider.</summary>
public abstract class ModelTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    [Fact]
    public async Task OpenIddict_and_JAR_tables_are_created_side_by_side()
    {
        await using var context = database.CreateContext();

        (await context.Set<OpenIddictEntityFrameworkCoreApplication>().CountAsync()).ShouldBe(0);
        (await context.Set<OpenIddictEntityFrameworkCoreToken>().CountAsync()).ShouldBe(0);
        await context.Set<JarClientPolicy>().CountAsync();
        await context.Set<JarReplayEntry>().CountAsync();
        await context.Set<JarDecisionRecord>().CountAsync();
    }

    [Fact]
    public void Tables_keys_and_indexes_are_the_documented_ones()
    {
        using var context = database.CreateContext();
        var model = context.Model;

        var policies = model.FindEntityType(typeof(JarClientPolicy)).ShouldNotBeNull();
        policies.GetTableName().ShouldBe("JarClientPolicies");
        policies.FindPrimaryKey()!.Properties.Select(p => p.Name).ShouldBe([nameof(JarClientPolicy.ClientId)]);
        policies.FindProperty(nameof(JarClientPolicy.ClientId))!.GetMaxLength().ShouldBe(100);
        policies.FindProperty(nameof(JarClientPolicy.Revision))!.IsConcurrencyToken.ShouldBeTrue();

        var replay = model.FindEntityType(typeof(JarReplayEntry)).ShouldNotBeNull();
        replay.GetTableName().ShouldBe("JarReplayEntries");
        replay.FindPrimaryKey()!.Properties.Select(p => p.Name).ShouldBe([nameof(JarReplayEntry.ClientId), nameof(JarReplayEntry.JwtId)]);
        replay.GetIndexes().Select(i => string.Join(",", i.Properties.Select(p => p.Name))).ShouldBe([nameof(JarReplayEntry.ExpiresAt)]);

        var decisions = model.FindEntityType(typeof(JarDecisionRecord)).ShouldNotBeNull();
        decisions.GetTableName().ShouldBe("JarDecisionRecords");
        decisions.GetIndexes().Select(i => string.Join(",", i.Properties.Select(p => p.Name))).Order()
            .ShouldBe(["ClientId,DecidedAt", "IntentHash", "RequestObjectHash", "Sequence", "TrailId"]);
        decisions.GetIndexes().Single(i => i.Properties[0].Name == nameof(JarDecisionRecord.Sequence)).IsUnique.ShouldBeTrue();
        decisions.FindProperty(nameof(JarDecisionRecord.RequestObjectHash))!.GetMaxLength().ShouldBe(64);

        // The chain head: one row, there from the model's creation on, locked by every append.
        var head = model.FindEntityType(typeof(JarDecisionChainHead)).ShouldNotBeNull();
        head.GetTableName().ShouldBe("JarDecisionChainHeads");
        context.Set<JarDecisionChainHead>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_pair_is_refused_by_the_database_as_a_unique_violation_and_a_missing_value_is_not()
    {
        await using var context = database.CreateContext();
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        context.Add(new JarReplayEntry { ClientId = clientId, JwtId = "jti", ExpiresAt = DateTimeOffset.UnixEpoch });
        await context.SaveChangesAsync();

        // Behind EF's back: the key is the database's own, not a check in the store.
        var duplicate = await Should.ThrowAsync<DbException>(() => context.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JarReplayEntries" ("ClientId", "JwtId", "ExpiresAt") VALUES ({clientId}, {"jti"}, {DateTime.UnixEpoch})"""));
        var missing = await Should.ThrowAsync<DbException>(() => context.Database.ExecuteSqlAsync(
            $"""INSERT INTO "JarReplayEntries" ("ClientId", "JwtId", "ExpiresAt") VALUES ({clientId}, {"jti-2"}, NULL)"""));

        UniqueViolation.Is(new DbUpdateException("duplicate", duplicate)).ShouldBeTrue();
        UniqueViolation.Is(new DbUpdateException("missing", missing)).ShouldBeFalse();
    }
}

public sealed class SqliteModelTests(SqliteDatabase database) : ModelTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresModelTests(PostgresDatabase database) : ModelTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
