using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group C of docs/conformance/catalogue.md: exp, nbf and iat against the host's clock. R0 has nbf = now and exp = now + 300; every
/// built-in profile allows 60 minutes of lifetime and 15 s of clock skew.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class TimeClaimConformanceTests(ConformanceHost host)
{
    private const string InvalidRequestObject = "invalid_request_object";

    [Theory, Row("C1")] // FAPI 1.0 Advanced §5.2.2-13, FAPI 2.0 Message Signing §5.3.1-4.
    [InlineData("c1", "-exp", Delivery.ByValue)]
    [InlineData("c1", "-exp", Delivery.Pushed)]
    [InlineData("fapi2", "-exp", Delivery.Pushed)]
    [InlineData("c1", "exp=\"4102444800\"", Delivery.ByValue)] // a NumericDate is a number, never a string
    [InlineData("c1", "exp=\"4102444800\"", Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_a_numeric_exp(string clientId, string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR301");
    }

    [Theory, Row("C2")] // RFC 7519 §4.1.4.
    [InlineData("nbf=now-3660;exp=now-3600", Delivery.ByValue)] // the conformance suite's exp = now - 3600
    [InlineData("nbf=now-3660;exp=now-3600", Delivery.Pushed)]
    [InlineData("nbf=now-60;exp=now-16", Delivery.ByValue)] // one second beyond the 15 s skew
    [InlineData("nbf=now-60;exp=now-16", Delivery.Pushed)]
    public async Task Refuses_an_expired_request_object(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR302");
    }

    [Theory, Row("C3")] // FAPI 1.0 Advanced §5.2.2-13: 0 < exp - nbf <= 60 minutes.
    [InlineData("exp=now+4200", Delivery.ByValue)] // the conformance suite's nbf = now, exp = now + 70 min
    [InlineData("exp=now+4200", Delivery.Pushed)]
    [InlineData("exp=now+3601", Delivery.ByValue)]
    [InlineData("exp=now+3601", Delivery.Pushed)]
    [InlineData("nbf=now+10;exp=now+10", Delivery.ByValue)] // exp = nbf
    [InlineData("nbf=now+10;exp=now+5", Delivery.Pushed)] // exp < nbf
    public async Task Refuses_a_request_object_whose_lifetime_is_not_within_60_minutes(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR305");
    }

    [Theory, Row("C3")] // Boundary: exactly 60 minutes.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_a_lifetime_of_exactly_60_minutes(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit("nbf=now;exp=now+3600").SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("C4")] // FAPI 1.0 Advanced §5.2.2-17, FAPI 2.0 Message Signing §5.3.1-3.
    [InlineData("c1", "-nbf", Delivery.ByValue)]
    [InlineData("c1", "-nbf", Delivery.Pushed)]
    [InlineData("fapi2", "-nbf", Delivery.Pushed)]
    [InlineData("c1", "nbf=\"0\"", Delivery.ByValue)]
    public async Task Refuses_a_request_object_without_a_numeric_nbf(string clientId, string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR303");
    }

    [Theory, Row("C5")] // FAPI 1.0 Advanced §5.2.2-17: the conformance suite's nbf = now - 70 min, exp = now + 5 min.
    [InlineData("nbf=now-4200;exp=now+300", Delivery.ByValue)]
    [InlineData("nbf=now-4200;exp=now+300", Delivery.Pushed)]
    [InlineData("nbf=now-3660;exp=now+60", Delivery.ByValue)]
    [InlineData("nbf=now-3660;exp=now+60", Delivery.Pushed)]
    public async Task Refuses_a_request_object_whose_nbf_is_over_60_minutes_old(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR306");
    }

    [Theory, Row("C6")] // FAPI 2.0 Security Profile §5.3.2.1-13: more than 60 s ahead is refused.
    [InlineData("nbf=now+120", "JAR304", Delivery.ByValue)]
    [InlineData("nbf=now+120", "JAR304", Delivery.Pushed)]
    [InlineData("nbf=now+61", "JAR304", Delivery.Pushed)]
    [InlineData("iat=now+120", "JAR307", Delivery.ByValue)] // iat far ahead, nbf and exp valid
    [InlineData("iat=now+120", "JAR307", Delivery.Pushed)]
    public async Task Refuses_nbf_or_iat_far_in_the_future(string edits, string rule, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, rule);
    }

    [Theory, Row("C6")] // ... and up to 10 s ahead is accepted.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Accepts_nbf_and_iat_10_seconds_ahead(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit("nbf=now+10;iat=now+10").SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("C7")] // RFC 7519 §4.1.6; the engine refuses an iat over a day old (a deployment choice, never a requirement).
    [InlineData("iat=now-172800", Delivery.ByValue)]
    [InlineData("iat=now-172800", Delivery.Pushed)]
    [InlineData("iat=\"now\"", Delivery.ByValue)]
    public async Task Refuses_an_implausible_iat(string edits, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused(InvalidRequestObject, "JAR307");
    }

    [Fact, Row("C7"), Row("P2")] // iat is never required, and a plausible one is accepted.
    public async Task Accepts_an_iat_of_five_minutes_ago()
    {
        var result = await host.Attempt(host.Clients.C1).Edit("iat=now-300;nbf=now-300;exp=now+60").SendAsync(Delivery.ByValue);

        await result.ShouldGrantCodeAsync();
    }
}
