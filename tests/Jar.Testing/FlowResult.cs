using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Jar.Testing;

/// <summary>What came back from one attempt: the PAR answer (pushed only) and the authorization endpoint's answer (if reached).</summary>
public sealed record FlowResult(AuthorizationAttempt Attempt, Delivery Delivery, EndpointAnswer? Pushed, EndpointAnswer? Authorization)
{
    /// <summary>
    /// Refused where the object was sent: by value, a local error page at the authorization endpoint with no
    /// redirect; pushed, an error from <c>/connect/par</c> with no request_uri issued, so the front channel is never
    /// reached. A null <paramref name="rule"/> means the host answered, not the JAR engine.
    /// </summary>
    public void ShouldBeRefused(string error, string? rule, int status = 400)
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
    /// Pushed and given a request_uri, then refused at the authorization endpoint with a local error page and no
    /// redirect: what is judged there is only what came beside the request_uri.
    /// </summary>
    public void ShouldBeRefusedBesideTheRequestUri(string error, string? rule, int status = 400)
    {
        Delivery.ShouldBe(Delivery.Pushed);
        var pushed = Pushed.ShouldNotBeNull();
        pushed.Status.ShouldBe(201, pushed.ToString());
        Authorization.ShouldNotBeNull().ShouldBeLocalErrorPage(status, error, rule);
    }

    /// <summary>
    /// Accepted: the user approves, and the answer is a redirect to <paramref name="redirectUri"/> (the client's
    /// registered one by default) carrying a code, the expected state (none when null) and the issuer (RFC 9207).
    /// Returns the parameters of that answer (from the fragment for a hybrid response type, else the query).
    /// </summary>
    public async Task<Dictionary<string, StringValues>> ShouldRedirectWithCodeAsync(string? state, string? redirectUri = null)
    {
        if (Delivery == Delivery.Pushed)
        {
            var pushed = Pushed.ShouldNotBeNull();
            pushed.Status.ShouldBe(201, pushed.ToString());
            pushed.Parameters["request_uri"].ShouldStartWith("urn:ietf:params:oauth:request_uri:");
        }

        var answer = await Attempt.UserAgent.ApproveAsync(Authorization.ShouldNotBeNull()).ConfigureAwait(false);
        answer.Status.ShouldBe(302, answer.ToString());
        var location = answer.Location.ShouldNotBeNull();
        location.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri ?? Attempt.Client.RedirectUri);
        var parameters = QueryHelpers.ParseQuery(location.Fragment.Length > 1 ? "?" + location.Fragment[1..] : location.Query);
        parameters.ShouldNotContainKey("error");
        parameters["iss"].ToString().ShouldBe(Attempt.Issuer);
        if (state is null)
        {
            parameters.ShouldNotContainKey("state");
        }
        else
        {
            parameters["state"].ToString().ShouldBe(state);
        }

        parameters["code"].ToString().ShouldNotBeNullOrEmpty();
        return parameters;
    }

    /// <summary>
    /// Granted: <see cref="ShouldRedirectWithCodeAsync"/>, then the code redeemed at the token endpoint for an access token.
    /// </summary>
    public async Task<EndpointAnswer> ShouldGrantCodeAsync(string? state, string? redirectUri = null)
    {
        redirectUri ??= Attempt.Client.RedirectUri;
        var parameters = await ShouldRedirectWithCodeAsync(state, redirectUri).ConfigureAwait(false);
        var tokens = await Attempt.RedeemAsync(parameters["code"].ToString(), redirectUri).ConfigureAwait(false);
        tokens.Status.ShouldBe(200, tokens.ToString());
        tokens.Parameters["token_type"].ShouldBe("Bearer");
        tokens.Parameters["access_token"].ShouldNotBeNullOrEmpty();
        return tokens;
    }

    public Task<EndpointAnswer> ShouldGrantCodeAsync() => ShouldGrantCodeAsync(Attempt.State);
}
