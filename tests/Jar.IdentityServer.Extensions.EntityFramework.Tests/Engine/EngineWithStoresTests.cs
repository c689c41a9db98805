using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Engine;

/// <summary>The engine over the stores: a real PS256 request object, its policy, its jti and its record, all in the Database.</summary>
public abstract class EngineWithStoresTests<TDatabase>(TDatabase database) : StoreTest<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string Issuer = "https://server.example.com";
    private const string RedirectUri = "https://client.example.org/cb";

    [Fact]
    public async Task A_replayed_request_object_is_refused_and_both_decisions_are_recorded()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        var requestObject = Sign(rsa, "jti-engine");
        await using var host = await JwtIdRequiredAsync(new StoreHost(Database.Configure, Time));

        var first = await ValidateAsync(host, client, requestObject);
        var second = await ValidateAsync(host, client, requestObject);

        first.Outcome.ShouldBe(JarOutcome.Accepted);
        second.Outcome.ShouldBe(JarOutcome.Refused);
        second.Error!.Rule.ShouldBe(JarRules.JwtIdReplayed);
        await using var context = Database.CreateContext();
        var records = await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).OrderBy(r => r.Id).ToListAsync();
        records.Select(r => (r.Outcome, r.RuleIds)).ShouldBe([(JarOutcome.Accepted, ""), (JarOutcome.Refused, "JAR406")]);
        records.ShouldAllBe(r => r.RequestObjectHash == Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestObject))));
        records.ShouldAllBe(r => r.JwtId == "jti-engine" && r.KeyId == "key-1" && r.Algorithm == "PS256" && r.Profile == JarProfiles.Strict);
        (await context.Set<JarReplayEntry>().SingleAsync(e => e.ClientId == ClientId)).JwtId.ShouldBe("jti-engine");
    }

    [Fact]
    public async Task Of_64_parallel_presentations_of_one_object_across_two_instances_one_is_accepted_and_every_one_recorded_in_the_chain()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        var requestObject = Sign(rsa, "jti-race");
        await using var first = await JwtIdRequiredAsync(new StoreHost(Database.Configure, Time));
        await using var second = new StoreHost(Database.Configure, Time);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => ValidateAsync(i % 2 == 0 ? first : second, client, requestObject))));

        decisions.Count(d => d.Outcome == JarOutcome.Accepted).ShouldBe(1);
        decisions.Where(d => d.Outcome != JarOutcome.Accepted).ShouldAllBe(d => d.Outcome == JarOutcome.Refused && d.Error!.Rule == JarRules.JwtIdReplayed);
        await using var context = Database.CreateContext();
        var records = await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).ToListAsync();
        records.Select(r => r.TrailId).Order().ShouldBe(decisions.Select(d => d.TrailId).Order());
        records.Count(r => r.Outcome == JarOutcome.Accepted).ShouldBe(1);
        records.Count(r => r.Outcome == JarOutcome.Refused && r.RuleIds == "JAR406").ShouldBe(63);
        (await context.Set<JarReplayEntry>().CountAsync(e => e.ClientId == ClientId)).ShouldBe(1);
        await Chain.ShouldBeIntactAsync(context);
    }

    [Fact]
    public async Task A_decision_that_cannot_be_appended_to_the_chain_refuses_JAR901_and_leaves_the_jti_unconsumed()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        var requestObject = Sign(rsa, "jti-rollback");
        await using var host = await JwtIdRequiredAsync(new StoreHost(Database.Configure, Time));
        JarDecisionChainHead head;
        await using (var context = Database.CreateContext())
        {
            // The chain cannot be appended without its head row: the ledger's INSERT before it is rolled back.
            head = await context.Set<JarDecisionChainHead>().AsNoTracking().SingleAsync();
            await context.Set<JarDecisionChainHead>().ExecuteDeleteAsync();
        }

        JarDecision refused;
        try
        {
            refused = await ValidateAsync(host, client, requestObject);
        }
        finally
        {
            await using var context = Database.CreateContext();
            context.Add(head);
            await context.SaveChangesAsync();
        }

        refused.Outcome.ShouldBe(JarOutcome.Refused);
        refused.Error!.Rule.ShouldBe(JarRules.StoreUnavailable);
        await using (var context = Database.CreateContext())
        {
            (await context.Set<JarReplayEntry>().CountAsync(e => e.ClientId == ClientId)).ShouldBe(0);
            (await context.Set<JarDecisionRecord>().CountAsync(r => r.ClientId == ClientId)).ShouldBe(0);
        }

        var accepted = await ValidateAsync(host, client, requestObject);

        accepted.Outcome.ShouldBe(JarOutcome.Accepted);
        await using (var context = Database.CreateContext())
        {
            (await context.Set<JarReplayEntry>().SingleAsync(e => e.ClientId == ClientId)).JwtId.ShouldBe("jti-rollback");
            (await context.Set<JarDecisionRecord>().SingleAsync(r => r.ClientId == ClientId)).Outcome.ShouldBe(JarOutcome.Accepted);
            await Chain.ShouldBeIntactAsync(context);
        }
    }

    [Fact]
    public async Task An_object_whose_jti_has_an_expired_entry_takes_it_over_and_one_with_a_live_entry_is_refused_JAR406()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        await using var host = await JwtIdRequiredAsync(new StoreHost(Database.Configure, Time));
        await using (var context = Database.CreateContext())
        {
            context.AddRange(
                new JarReplayEntry { ClientId = ClientId, JwtId = "jti-expired-entry", ExpiresAt = Start.AddMinutes(-1) },
                new JarReplayEntry { ClientId = ClientId, JwtId = "jti-live-entry", ExpiresAt = Start.AddMinutes(1) });
            await context.SaveChangesAsync();
        }

        var takenOver = await ValidateAsync(host, client, Sign(rsa, "jti-expired-entry"));
        var replayed = await ValidateAsync(host, client, Sign(rsa, "jti-live-entry"));

        takenOver.Outcome.ShouldBe(JarOutcome.Accepted);
        replayed.Outcome.ShouldBe(JarOutcome.Refused);
        replayed.Error!.Rule.ShouldBe(JarRules.JwtIdReplayed);
        await using (var context = Database.CreateContext())
        {
            var entries = await context.Set<JarReplayEntry>().Where(e => e.ClientId == ClientId).OrderBy(e => e.JwtId).ToListAsync();
            entries.Select(e => (e.JwtId, e.ExpiresAt > Start.AddMinutes(4))).ShouldBe([("jti-expired-entry", true), ("jti-live-entry", false)]);
            var records = await context.Set<JarDecisionRecord>().Where(r => r.ClientId == ClientId).OrderBy(r => r.Sequence).ToListAsync();
            records.Select(r => (r.JwtId, r.Outcome, r.RuleIds)).ShouldBe([("jti-expired-entry", JarOutcome.Accepted, ""), ("jti-live-entry", JarOutcome.Refused, "JAR406")]);
            await Chain.ShouldBeIntactAsync(context);
        }
    }

    [Fact]
    public async Task A_stored_policy_requiring_a_jti_refuses_an_object_without_one()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        await using var host = await JwtIdRequiredAsync(new StoreHost(Database.Configure, Time));

        var decision = await ValidateAsync(host, client, Sign(rsa, jti: null));

        decision.Outcome.ShouldBe(JarOutcome.Refused);
        decision.Error!.Rule.ShouldBe(JarRules.JwtIdInvalid);
    }

    [Fact]
    public async Task An_unreachable_database_refuses_the_request_as_temporarily_unavailable()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        await using var host = new StoreHost(Database.ConfigureUnreachable, Time);

        var decision = await ValidateAsync(host, client, Sign(rsa, "jti-down"));

        decision.Outcome.ShouldBe(JarOutcome.Refused);
        decision.Error!.Rule.ShouldBe(JarRules.StoreUnavailable);
        decision.Error.Rule.Error.ShouldBe("temporarily_unavailable");
    }

    /// <summary>The test's client, on <paramref name="host"/>'s policy store, requires a <c>jti</c> in every object.</summary>
    private async Task<StoreHost> JwtIdRequiredAsync(StoreHost host)
    {
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true });
        return host;
    }

    /// <summary>Every chained record of the database follows the one before it, and hashes to its stored hash.</summary>
    private static async Task<JarDecision> ValidateAsync(StoreHost host, JarClient client, string requestObject)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<IJarRequestValidator>();
        var request = new JarRequest(JarEndpoint.Authorization, Issuer, new Dictionary<string, StringValues>
        {
            ["client_id"] = client.ClientId,
            ["request"] = requestObject,
        });
        return await validator.ValidateAsync(request, client, CancellationToken.None);
    }

    /// <summary>The client, registered with the public half of its RSA key as a JWK.</summary>
    private JarClient Client(RSA rsa) =>
        new(ClientId, [JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "key-1" })], [RedirectUri]);

    /// <summary>A PS256 request object for the authorization endpoint, valid at <see cref="StoreTest{TDatabase}.Start"/>.</summary>
    private string Sign(RSA rsa, string? jti)
    {
        var claims = new Dictionary<string, object>
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = "openid",
            ["state"] = "af0ifjsldkj",
            ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            ["code_challenge_method"] = "S256",
        };
        if (jti is not null)
        {
            claims["jti"] = jti;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ClientId,
            Audience = Issuer,
            TokenType = "oauth-authz-req+jwt",
            IssuedAt = Start.UtcDateTime,
            NotBefore = Start.UtcDateTime,
            Expires = Start.AddMinutes(5).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "key-1" }, SecurityAlgorithms.RsaSsaPssSha256),
        });
    }
}

public sealed class SqliteEngineWithStoresTests(SqliteDatabase database) : EngineWithStoresTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

[Collection(PostgresTests.Collection)]
public sealed class PostgresEngineWithStoresTests(PostgresDatabase database) : EngineWithStoresTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
