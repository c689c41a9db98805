using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// Design brief, "Errors and failure", on SQLite: while another connection holds the file's exclusive lock the
/// host cannot write its stores (SQLITE_BUSY; reads go on, the file being in WAL mode); requests are refused with <c>temporarily_unavailable</c>,
/// never accepted, never a bare 500; once the lock is released the same instance serves again.
/// </summary>
public sealed class FailClosedSqliteTests(LockableSqliteHost fixture) : IClassFixture<LockableSqliteHost>
{
    [Fact]
    public async Task While_another_connection_holds_the_database_exclusively_requests_are_refused_temporarily_unavailable_and_served_again_once_it_lets_go()
    {
        var host = fixture.Host;
        var codeBefore = host.Attempt(host.Clients.Public);
        var code = (await (await codeBefore.SendWithoutRequestObjectAsync(Delivery.ByValue)).ShouldRedirectWithCodeAsync(codeBefore.State))["code"].ToString();

        await using (await fixture.LockAsync())
        {
            (await Outage.SendByValueAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");
            (await Outage.SendPushedAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");
            (await Outage.SendPlainAsync(host)).ShouldBeRefused("temporarily_unavailable", "JAR901");

            // The file is in WAL mode (EF Core creates it so): OpenIddict still reads the code, and its write that marks
            // the code redeemed fails. OpenIddict's token manager turns that failed write into "already redeemed"
            // (ID2010) and issues nothing; the code is left as it was.
            var redeemed = await codeBefore.RedeemAsync(code, codeBefore.Client.RedirectUri);
            redeemed.ShouldBeJsonError(400, "invalid_grant", rule: null);
            redeemed.Parameters.ShouldNotContainKey("access_token");
        }

        var byValue = await Outage.ServedAgainAsync(() => Outage.SendByValueAsync(host));
        await Outage.ServedAgainAsync(() => Outage.SendPushedAsync(host));
        await Outage.ServedAgainAsync(() => Outage.SendPlainAsync(host));
        await byValue.ShouldGrantCodeAsync();

        // The code issued before the lock is still good: the failed redemption changed nothing.
        var tokens = await codeBefore.RedeemAsync(code, codeBefore.Client.RedirectUri);
        tokens.Status.ShouldBe(200, tokens.ToString());
        tokens.Parameters["access_token"].ShouldNotBeNullOrEmpty();
    }
}
