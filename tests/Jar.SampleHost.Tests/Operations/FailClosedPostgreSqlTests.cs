using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.EntityFrameworkCore;
using Jar.Testing;
using Npgsql;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Design brief, "Errors and failure": when the database is unreachable a request is refused with
/// <c>temporarily_unavailable</c>, never accepted and never answered with a bare 500; once it is back the same
/// instance serves again, without a restart. The host reaches PostgreSQL through a relay that the test switches off
/// (listener closed, every live connection reset, Npgsql's pooled ones included) and on again.
/// </summary>
public sealed class FailClosedPostgreSqlTests(RelayedPostgreSqlHost fixture) : IClassFixture<RelayedPostgreSqlHost>
{
    [Fact]
    public async Task While_the_database_is_unreachable_requests_are_refused_temporarily_unavailable_and_served_again_once_it_is_back()
    {
        var host = fixture.Host;

        // Before: a pool of idle connections (sixteen requests at once), a pushed request and a code not yet redeemed.
        foreach (var result in await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Outage.SendByValueAsync(host))))
        {
            Outage.IsServed(result).ShouldBeTrue(result.Authorization?.ToString());
        }

        var pushedBefore = host.Attempt(host.Clients.Signing);
        var pushed = await pushedBefore.PushAsync([new("client_id", pushedBefore.Client.ClientId), new("request", pushedBefore.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build())]);
        pushed.Status.ShouldBe(201, pushed.ToString());
        var codeBefore = host.Attempt(host.Clients.Public);
        var code = (await (await codeBefore.SendWithoutRequestObjectAsync(Delivery.ByValue)).ShouldRedirectWithCodeAsync(codeBefore.State))["code"].ToString();

        // The host reaches the database only through the relay, so switching the relay off is an outage.
        fixture.Relay.Accepted.ShouldBeGreaterThan(0);
        fixture.Relay.Stop();

        // The engine cannot read the client or write its ledger and records: refused before OpenIddict reads anything,
        // on the local error page (no redirect) or in JSON at PAR.
        (await Outage.SendByValueAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");
        (await Outage.SendPushedAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");
        (await Outage.SendPlainAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");

        // A pushed request_uri is judged once OpenIddict has restored it (parameters beside it are compared with the
        // pushed request): the restore reads the database first, and its failure is answered by the host, still on the
        // local error page and never redirected.
        (await pushedBefore.AuthorizeWithRequestUriAsync(pushed.Parameters["request_uri"])).ShouldBeLocalErrorPage(400, "temporarily_unavailable", rule: null);

        // No JAR decision at the token endpoint: OpenIddict's own lookup fails, and the host answers in JSON.
        (await codeBefore.RedeemAsync(code, codeBefore.Client.RedirectUri)).ShouldBeJsonError(400, "temporarily_unavailable", rule: null);

        fixture.Relay.Start();

        var byValue = await Outage.ServedAgainAsync(() => Outage.SendByValueAsync(host));
        await Outage.ServedAgainAsync(() => Outage.SendPushedAsync(host));
        await Outage.ServedAgainAsync(() => Outage.SendPlainAsync(host));

        // Stored again: the served object's decision is recorded and its code can be redeemed.
        var jti = byValue.Attempt.RequestObject.Claim("jti");
        var record = (await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.JwtId == jti).ToListAsync())).ShouldHaveSingleItem();
        record.Outcome.ShouldBe(JarOutcome.Accepted);
        await byValue.ShouldGrantCodeAsync();
    }

    [Fact]
    public async Task A_database_failure_after_the_engine_accepted_is_answered_temporarily_unavailable_without_a_redirect_not_with_a_500()
    {
        var host = fixture.Host;
        var before = await Outage.SendByValueAsync(host);
        Outage.IsServed(before).ShouldBeTrue(before.Authorization?.ToString());

        // Another session holds OpenIddict's token table (a migration, a long maintenance): the engine reads the
        // client and writes its ledger and record, then OpenIddict cannot store the request's request_uri.
        await using (var maintenance = fixture.OpenDirect())
        await using (var transaction = await maintenance.BeginTransactionAsync())
        {
            await using (var lockTokens = new NpgsqlCommand("""LOCK TABLE "OpenIddictTokens" IN ACCESS EXCLUSIVE MODE""", maintenance, transaction))
            {
                await lockTokens.ExecuteNonQueryAsync();
            }

            var attempt = host.Attempt(host.Clients.Signing);
            var requestObject = attempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build();
            var byValue = await attempt.SendAsync(Delivery.ByValue, requestObject);
            byValue.Authorization.ShouldNotBeNull().ShouldBeLocalErrorPage(400, "temporarily_unavailable", rule: null);

            var pushedAttempt = host.Attempt(host.Clients.Signing);
            var pushed = await pushedAttempt.PushAsync([new("client_id", pushedAttempt.Client.ClientId), new("request", pushedAttempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build())]);
            pushed.ShouldBeJsonError(400, "temporarily_unavailable", rule: null);
            pushed.Parameters.ShouldNotContainKey("request_uri");

            // The engine had decided and consumed the jti: the same object is a replay, the client signs a new one.
            (await Stores.DecisionsAsync(host, requestObject)).ShouldHaveSingleItem().Outcome.ShouldBe(JarOutcome.Accepted);
            await transaction.RollbackAsync();
            (await host.Attempt(host.Clients.Signing).SendAsync(Delivery.ByValue, requestObject)).ShouldBeRefused("invalid_request_object", "JAR406");
        }

        Outage.IsServed(await Outage.SendByValueAsync(host)).ShouldBeTrue();
    }
}
