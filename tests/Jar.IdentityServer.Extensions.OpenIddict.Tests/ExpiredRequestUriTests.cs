using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// H5 of docs/conformance/catalogue.md: a request_uri past its <c>expires_in</c> is <c>invalid_request_uri</c> (RFC 9126 §2.2). On a
/// host of its own, since its clock moves on and cannot go back.
/// </summary>
[Collection(OwnClockOpenIddictHost.Name)]
public sealed class ExpiredRequestUriTests(OpenIddictHostFixture host)
{
    [Fact]
    public async Task Refuses_an_expired_request_uri_with_invalid_request_uri()
    {
        var flow = host.Flow(host.Clients.C1);
        var pushed = await RequestUriErrorTests.PushOnlyAsync(flow);
        host.Time.Advance(Lifetime(pushed) + TimeSpan.FromSeconds(1));

        var answer = await flow.AuthorizeWithRequestUriAsync(pushed.Parameters["request_uri"]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.ErrorDescription.ShouldBe(RequestUriErrorTests.Description);
        answer.Parameters["error_uri"].ShouldEndWith("/ID2019");
    }

    [Fact] // The control: one second before it expires, the same kind of request_uri completes the flow.
    public async Task Accepts_a_request_uri_one_second_before_it_expires()
    {
        var flow = host.Flow(host.Clients.C1);
        var pushed = await RequestUriErrorTests.PushOnlyAsync(flow);
        host.Time.Advance(Lifetime(pushed) - TimeSpan.FromSeconds(1));

        var answer = await flow.AuthorizeWithRequestUriAsync(pushed.Parameters["request_uri"]);

        await new FlowResult(flow, Delivery.Pushed, pushed, answer).ShouldRedirectWithCodeAsync(flow.State);
    }

    /// <summary>RFC 9126 §2.2: <c>expires_in</c>, the request_uri's lifetime in seconds.</summary>
    private static TimeSpan Lifetime(EndpointAnswer pushed) =>
        TimeSpan.FromSeconds(int.Parse(pushed.Parameters["expires_in"], System.Globalization.CultureInfo.InvariantCulture));
}
