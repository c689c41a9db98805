using Microsoft.AspNetCore.WebUtilities;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Client;

/// <summary>What came back from one attempt: the PAR answer (pushed only) and the authorization endpoint's answer (if reached).</summary>
internal sealed record FlowResult(AuthorizationFlow Flow, Delivery Delivery, EndpointAnswer? Pushed, EndpointAnswer? Authorization)
{
    /// <summary>
    /// Refused where the object was sent: by value, a local error page at the authorization endpoint with no
    /// redirect; pushed, an error from <c>/connect/par</c> with no request_uri issued, so the front channel is never reached.
    /// </summary>
    public void ShouldBeRefused(string error, string rule, int status = 400)
    {
        if (Delivery == Delivery.Pushed)
        {
            Pushed.ShouldNotBeNull().ShouldBeJsonError(status, error, rule);
            Pushed.Parameters.ShouldNotContainKey("request_uri");
            Authorization.ShouldBeNull();
        }
        else
        {
            Authorization.ShouldNotBeNull().ShouldBeLocalErrorPage(status, error, rule);
        }
    }

    /// <summary>
    /// Granted: a redirect to <paramref name="redirectUri"/> (the client's registered one by default) carrying a
    /// code, the expected state (none when null) and the issuer (RFC 9207), whose code then redeems at the token
    /// endpoint for an access token.
    /// </summary>
    public async Task<EndpointAnswer> ShouldGrantCodeAsync(string? state, string? redirectUri = null)
    {
        if (Delivery == Delivery.Pushed)
        {
            var pushed = Pushed.ShouldNotBeNull();
            pushed.Status.ShouldBe(201, pushed.ToString());
            pushed.Parameters["request_uri"].ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        }

        var answer = Authorization.ShouldNotBeNull();
        answer.Status.ShouldBe(302, answer.ToString());
        var location = answer.Location.ShouldNotBeNull();
        redirectUri ??= Flow.Client.RedirectUri;
        location.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri);
        var query = QueryHelpers.ParseQuery(location.Query);
        query.ShouldNotContainKey("error");
        query["iss"].ToString().ShouldBe(Flow.Issuer);
        if (state is null)
        {
            query.ShouldNotContainKey("state");
        }
        else
        {
            query["state"].ToString().ShouldBe(state);
        }

        var code = query["code"].ToString();
        code.ShouldNotBeNullOrEmpty();
        var tokens = await Flow.RedeemAsync(code, redirectUri);
        tokens.Status.ShouldBe(200, tokens.ToString());
        tokens.Parameters["token_type"].ShouldBe("Bearer");
        tokens.Parameters["access_token"].ShouldNotBeNullOrEmpty();
        return tokens;
    }

    public Task<EndpointAnswer> ShouldGrantCodeAsync() => ShouldGrantCodeAsync(Flow.State);
}
