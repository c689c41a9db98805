using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// Group C of docs/conformance/catalogue.md: exp, nbf and iat against the host's clock (R0 has nbf = now, exp = now + 300; the
/// strict profile allows 60 minutes of lifetime and 15 s of skew).
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class TimeClaimTests(OpenIddictHostFixture host)
{
    [Theory]
    [InlineData("-exp", "JAR301", Delivery.ByValue)] // C1: FAPI 1.0 Advanced §5.2.2-13
    [InlineData("-exp", "JAR301", Delivery.Pushed)]
    [InlineData("exp=\"4102444800\"", "JAR301", Delivery.ByValue)] // a NumericDate is a number, never a string
    [InlineData("exp=\"4102444800\"", "JAR301", Delivery.Pushed)]
    [InlineData("nbf=now-3660;exp=now-3600", "JAR302", Delivery.ByValue)] // C2: the conformance suite's exp = now - 3600
    [InlineData("nbf=now-3660;exp=now-3600", "JAR302", Delivery.Pushed)]
    [InlineData("nbf=now-60;exp=now-16", "JAR302", Delivery.ByValue)] // just beyond the 15 s skew
    [InlineData("nbf=now-60;exp=now-16", "JAR302", Delivery.Pushed)]
    [InlineData("exp=now+4200", "JAR305", Delivery.ByValue)] // C3: nbf = now, exp = now + 70 min
    [InlineData("exp=now+4200", "JAR305", Delivery.Pushed)]
    [InlineData("exp=now+3601", "JAR305", Delivery.ByValue)] // one second beyond 60 minutes
    [InlineData("exp=now+3601", "JAR305", Delivery.Pushed)]
    [InlineData("nbf=now+10;exp=now+10", "JAR305", Delivery.ByValue)] // exp = nbf: no lifetime at all
    [InlineData("nbf=now+10;exp=now+10", "JAR305", Delivery.Pushed)]
    [InlineData("-nbf", "JAR303", Delivery.ByValue)] // C4: FAPI 1.0 Advanced §5.2.2-17
    [InlineData("-nbf", "JAR303", Delivery.Pushed)]
    [InlineData("nbf=\"0\"", "JAR303", Delivery.ByValue)]
    [InlineData("nbf=now-4200;exp=now+300", "JAR306", Delivery.ByValue)] // C5: the conformance suite's nbf = now - 70 min
    [InlineData("nbf=now-4200;exp=now+300", "JAR306", Delivery.Pushed)]
    [InlineData("nbf=now+120", "JAR304", Delivery.ByValue)] // C6: more than the skew ahead
    [InlineData("nbf=now+120", "JAR304", Delivery.Pushed)]
    [InlineData("iat=now+120", "JAR307", Delivery.ByValue)] // C6: iat far ahead, nbf and exp valid
    [InlineData("iat=now+120", "JAR307", Delivery.Pushed)]
    [InlineData("iat=now-172800", "JAR307", Delivery.ByValue)] // C7: issued two days ago
    [InlineData("iat=now-172800", "JAR307", Delivery.Pushed)]
    [InlineData("iat=\"now\"", "JAR307", Delivery.ByValue)]
    public async Task Rejects_a_request_object_outside_its_time_window(string edits, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request_object", rule);
    }

    [Theory] // C6 / F2SP 5.3.2.1-13: up to 10 s ahead is accepted; C3 boundary: exactly 60 minutes of lifetime.
    [InlineData("nbf=now+10;iat=now+10", Delivery.ByValue)]
    [InlineData("nbf=now+10;iat=now+10", Delivery.Pushed)]
    [InlineData("nbf=now;exp=now+3600", Delivery.ByValue)]
    [InlineData("nbf=now-300;iat=now-300;exp=now+60", Delivery.Pushed)]
    public async Task Accepts_time_claims_within_the_window(string edits, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }
}
