using System.Security.Cryptography;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// H5, H6 of docs/conformance/catalogue.md: a request_uri at the authorization endpoint that was never issued or was already used is
/// <c>invalid_request_uri</c> (RFC 9101 §7; RFC 9126 §2.2, §7.3) on a local error page, never a redirect. OpenIddict's
/// error_uri still names the cause. The expired case is in <see cref="ExpiredRequestUriTests"/>.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class RequestUriErrorTests(OpenIddictHostFixture host)
{
    internal const string PushedPrefix = "urn:ietf:params:oauth:request_uri:";

    internal const string Description = "The request_uri is not valid: it was never issued, has expired or has already been used. (rule JAR701)";

    [Theory] // H5: a random tail; a valid one with one character changed.
    [InlineData("random")]
    [InlineData("tampered")]
    public async Task Refuses_a_request_uri_that_was_never_issued_with_invalid_request_uri(string kind)
    {
        var flow = host.Flow(host.Clients.C1);
        var issued = (await PushOnlyAsync(flow)).Parameters["request_uri"];
        var requestUri = kind == "random"
            ? PushedPrefix + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))
            : issued[..^1] + (issued[^1] == 'A' ? 'B' : 'A');

        var answer = await flow.AuthorizeWithRequestUriAsync(requestUri);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.ErrorDescription.ShouldBe(Description);
        answer.Parameters["error_uri"].ShouldEndWith("/ID2004");
    }

    [Fact] // H6: RFC 9126 §7.3, one-time use; a second authorization after the first completed is refused.
    public async Task Refuses_a_request_uri_used_again_after_a_completed_flow_with_invalid_request_uri()
    {
        var flow = host.Flow(host.Clients.C1);
        var first = await flow.SendAsync(Delivery.Pushed);
        await first.ShouldGrantCodeAsync();

        var answer = await host.Flow(host.Clients.C1).AuthorizeWithRequestUriAsync(first.Pushed!.Parameters["request_uri"]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.ErrorDescription.ShouldBe(Description);
        answer.Parameters["error_uri"].ShouldEndWith("/ID2013");
    }

    [Fact] // A request_uri that is valid but presented by another client stays OpenIddict's answer (ID2178).
    public async Task Keeps_OpenIddicts_answer_for_a_valid_request_uri_presented_by_another_client()
    {
        var requestUri = (await PushOnlyAsync(host.Flow(host.Clients.C1))).Parameters["request_uri"];

        var answer = await host.Flow(host.Clients.C2).AuthorizeWithRequestUriAsync(requestUri);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", rule: null);
        answer.Parameters["error_uri"].ShouldEndWith("/ID2178");
    }

    /// <summary>Pushes R0 and returns the PAR answer (201), without using its request_uri.</summary>
    internal static async Task<EndpointAnswer> PushOnlyAsync(AuthorizationAttempt flow)
    {
        var pushed = await flow.PushAsync([new("client_id", flow.Client.ClientId), new("request", flow.RequestObject.Build())]);
        pushed.Status.ShouldBe(201, pushed.ToString());
        return pushed;
    }
}
