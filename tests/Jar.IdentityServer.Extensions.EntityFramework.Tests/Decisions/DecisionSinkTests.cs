using System.Security.Cryptography;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Decisions;

/// <summary>Every decision is recorded: the client, the rule ids, the outcome and a hash of the exact request object.</summary>
public abstract class DecisionSinkTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{

    [Fact]
    public async Task A_refusal_is_recorded_with_its_rule_ids_hash_outcome_and_headers()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var hash = Convert.ToHexStringLower(SHA256.HashData("eyJhbGciOiJQUzI1NiJ9.e30.c2ln"u8));

        await host.Sink.RecordAsync(Decision() with
        {
            Outcome = JarOutcome.Refused,
            Endpoint = JarEndpoint.PushedAuthorization,
            Violations =
            [
                new JarViolation(JarRules.Expired, "The request object has expired."),
                new JarViolation(JarRules.NotBeforeMissing, "The request object has no 'nbf' claim."),
                new JarViolation(JarRules.Expired, "Repeated."),
            ],
            RequestObjectHash = hash,
            JwtId = "jti-1",
            KeyId = "key-1",
            Algorithm = "PS256",
            Profile = JarProfiles.Fapi2MessageSigning,
        }, CancellationToken.None);

        var record = (await RecordsAsync()).ShouldHaveSingleItem();
        record.ClientId.ShouldBe(ClientId);
        record.DecidedAt.ShouldBe(Start);
        record.Endpoint.ShouldBe(JarEndpoint.PushedAuthorization);
        record.Outcome.ShouldBe(JarOutcome.Refused);
        record.RuleIds.ShouldBe("JAR302,JAR303");
        record.RequestObjectHash.ShouldBe(hash);
        record.JwtId.ShouldBe("jti-1");
        record.KeyId.ShouldBe("key-1");
        record.Algorithm.ShouldBe("PS256");
        record.Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task Outcome_and_endpoint_are_stored_by_name()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await host.Sink.RecordAsync(Decision() with { Outcome = JarOutcome.ReportOnly, Violations = [new JarViolation(JarRules.Expired, "x")] }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var stored = await context.Database
            .SqlQuery<string>($"""SELECT "Outcome" || '/' || "Endpoint" AS "Value" FROM "JarDecisionRecords" WHERE "ClientId" = {ClientId}""")
            .SingleAsync();
        stored.ShouldBe("ReportOnly/Authorization");
    }

    [Fact]
    public async Task An_acceptance_is_recorded_with_no_rule_ids()
    {
        await using var host = new StoreHost(Database.Configure, Time);

        await host.Sink.RecordAsync(Decision(), CancellationToken.None);

        var record = (await RecordsAsync()).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        record.RuleIds.ShouldBeEmpty();
        record.RequestObjectHash.ShouldBeNull();
    }

    [Fact]
    public async Task Decision_times_are_stored_as_instants_and_ordered_by_the_database()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var plusTwo = TimeSpan.FromHours(2);

        // 13:30+02:00 is 11:30 UTC: before 12:00 UTC although its local clock reads later.
        await host.Sink.RecordAsync(Decision() with { DecidedAt = new DateTimeOffset(2026, 1, 1, 13, 30, 0, plusTwo), JwtId = "second" }, CancellationToken.None);
        await host.Sink.RecordAsync(Decision() with { DecidedAt = Start, JwtId = "third" }, CancellationToken.None);
        await host.Sink.RecordAsync(Decision() with { DecidedAt = new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero), JwtId = "first" }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var ordered = await context.Set<JarDecisionRecord>()
            .Where(r => r.ClientId == ClientId && r.DecidedAt > new DateTimeOffset(2026, 1, 1, 10, 59, 59, TimeSpan.Zero))
            .OrderBy(r => r.DecidedAt)
            .Select(r => new { r.JwtId, r.DecidedAt })
            .ToListAsync();

        ordered.Select(r => r.JwtId).ShouldBe(["first", "second", "third"]);
        ordered[1].DecidedAt.ShouldBe(new DateTimeOffset(2026, 1, 1, 11, 30, 0, TimeSpan.Zero));
        ordered[1].DecidedAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task An_unregistered_client_id_longer_than_its_column_is_cut_and_still_recorded()
    {
        await using var host = new StoreHost(Database.Configure, Time);
        var longId = ClientId + new string('x', 300);

        await host.Sink.RecordAsync(Decision() with { ClientId = longId, Outcome = JarOutcome.Refused, Violations = [new JarViolation(JarRules.ClientUnknown, "x")] }, CancellationToken.None);

        await using var context = Database.CreateContext();
        var cut = longId[..JarDecisionRecord.MaxClientIdLength];
        var record = await context.Set<JarDecisionRecord>().SingleAsync(r => r.ClientId == cut);
        record.RuleIds.ShouldBe("JAR103");
    }

    [Fact]
    public async Task An_unreachable_database_makes_the_sink_throw()
    {
        await using var host = new StoreHost(Database.ConfigureUnreachable, Time);

        await Failures.ShouldFailOnTheDatabaseAsync(() => host.Sink.RecordAsync(Decision(), CancellationToken.None).AsTask());
    }

    private JarDecision Decision() => new()
    {
        Outcome = JarOutcome.Accepted,
        DecidedAt = Start,
        Endpoint = JarEndpoint.Authorization,
        ClientId = ClientId,
    };

    private async Task<List<JarDecisionRecord>> RecordsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).ToListAsync();
    }
}

public sealed class SqliteDecisionSinkTests(SqliteDatabase database) : DecisionSinkTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresDecisionSinkTests(PostgresDatabase database) : DecisionSinkTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
