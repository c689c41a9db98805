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
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true });

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
    public async Task A_stored_policy_requiring_a_jti_refuses_an_object_without_one()
    {
        using var rsa = RSA.Create(2048);
        var client = Client(rsa);
        await using var host = new StoreHost(Database.Configure, Time);
        await host.Administration.SetAsync(ClientId, new JarPolicyOverrides { RequireJwtId = true });

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
