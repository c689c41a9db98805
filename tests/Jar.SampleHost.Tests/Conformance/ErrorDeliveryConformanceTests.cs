using Jar.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group Z of jar-checks.md: how errors reach the client. Before the client and its redirect URI are proven, an
/// error is a local page and never a redirect; once they are (the user's own refusals), the redirect carries only
/// the parameters an error response may carry.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class ErrorDeliveryConformanceTests(ConformanceHost host)
{
    private const string Evil = "https://evil.example/cb";

    /// <summary>OpenID Connect Core §3.1.2.6 and RFC 9207: what an error redirect may carry.</summary>
    private static readonly string[] ErrorResponseParameters = ["error", "error_description", "error_uri", "state", "iss", "session_state"];

    [Theory, Row("Z1")] // A redirect_uri known only from an object that failed verification is never used (RFC 6749 §4.1.2.1).
    [InlineData("bad-signature", "JAR205", Delivery.ByValue)]
    [InlineData("bad-signature", "JAR205", Delivery.Pushed)]
    [InlineData("other-clients-key", "JAR203", Delivery.ByValue)]
    [InlineData("other-clients-key", "JAR203", Delivery.Pushed)]
    [InlineData("expired", "JAR302", Delivery.ByValue)]
    public async Task Does_not_redirect_to_a_redirect_uri_from_an_object_that_failed_verification(string defect, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit($"redirect_uri=\"{Evil}\"");
        attempt.Outer["redirect_uri"] = null;
        var requestObject = defect switch
        {
            "bad-signature" => attempt.RequestObject.Build()[..^4] + "AAAA",
            "other-clients-key" => attempt.RequestObject.SignWith(host.Clients.K2).Build(),
            _ => attempt.Edit("nbf=now-3660;exp=now-3600").RequestObject.Build(),
        };

        var result = await attempt.SendAsync(delivery, requestObject);

        result.ShouldBeRefused("invalid_request_object", rule);
    }

    [Theory, Row("Z1")] // Nor to a registered one: an error before validation completes is a local page, whatever the client.
    [InlineData("missing-client_id")]
    [InlineData("unknown-client_id")]
    [InlineData("unregistered-redirect_uri")]
    [InlineData("outer-redirect_uri")]
    public async Task Answers_with_a_local_error_page_and_no_Location_header(string condition)
    {
        var attempt = host.Attempt(host.Clients.C1);
        switch (condition)
        {
            case "missing-client_id":
                attempt.OuterClientId = null;
                break;
            case "unknown-client_id":
                attempt.OuterClientId = "nobody";
                break;
            case "unregistered-redirect_uri":
                attempt.Edit($"redirect_uri=\"{Evil}\"");
                break;
            default:
                attempt.Outer["redirect_uri"] = Evil;
                break;
        }

        var result = await attempt.SendAsync(Delivery.ByValue);

        var answer = result.Authorization.ShouldNotBeNull();
        answer.Status.ShouldBe(400, answer.ToString());
        answer.Location.ShouldBeNull();
        answer.MediaType.ShouldBe("text/html");
        answer.Body.ShouldNotContain(Evil);
        answer.Body.ShouldNotContain(attempt.State);
    }

    [Theory, Row("Z2")] // RFC 6749 §4.1.2.1, RFC 9207: the user's refusal goes to the registered URI with error, state and iss only.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Redirects_a_denied_consent_with_access_denied_the_state_and_the_issuer_only(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        var result = await attempt.SendAsync(delivery);

        var answer = await ((SampleHostUserAgent)attempt.UserAgent).DecideAsync(result.Authorization.ShouldNotBeNull(), "deny");

        ShouldBeErrorRedirect(answer, attempt, "access_denied");
    }

    [Theory, Row("Z2")] // OpenID Connect Core §3.1.2.6: prompt=none without a signed-in user.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Redirects_login_required_for_prompt_none_with_the_state_and_the_issuer_only(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit("prompt=\"none\"");

        var result = await attempt.SendAsync(delivery);

        // By value, the accepted request is first cached and the browser sent on to it by request_uri.
        var answer = result.Authorization.ShouldNotBeNull();
        if (answer.Location is { AbsolutePath: "/connect/authorize" } cached)
        {
            answer = await attempt.UserAgent.GetAsync(Browser.Local(cached));
        }

        ShouldBeErrorRedirect(answer, attempt, "login_required");
    }

    [Theory, Row("Z3")] // RFC 9126 §2.3: HTTP 400 (401 for client authentication), a JSON body with error and error_description.
    [InlineData("bad-signature", 400, "invalid_request_object")]
    [InlineData("no-pkce", 400, "invalid_request")]
    [InlineData("scope", 400, "invalid_scope")]
    [InlineData("prompt-none", 400, "invalid_request")]
    [InlineData("no-client-authentication", 401, "invalid_client")]
    public async Task Answers_PAR_errors_in_the_OAuth_JSON_format(string defect, int status, string error)
    {
        var attempt = host.Attempt(host.Clients.C1);
        switch (defect)
        {
            case "bad-signature":
                attempt.RequestObject.SignWith(host.Clients.Attacker);
                break;
            case "no-pkce":
                attempt.Edit("-code_challenge;-code_challenge_method");
                break;
            case "scope":
                attempt.Edit("scope=\"openid admin\"");
                break;
            case "prompt-none":
                // A user-interaction code (login_required, consent_required) is never a PAR answer.
                attempt.Edit("prompt=\"none\";code_challenge_method=\"plain\"");
                break;
            default:
                attempt.Authenticator = null;
                break;
        }

        var answer = (await attempt.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull();

        answer.Status.ShouldBe(status, answer.ToString());
        answer.MediaType.ShouldBe("application/json");
        answer.CacheControl.ShouldBe("no-store");
        answer.Location.ShouldBeNull();
        answer.Error.ShouldBe(error);
        answer.ErrorDescription.ShouldNotBeNullOrEmpty();
        answer.Parameters.Keys.ShouldAllBe(k => k == "error" || k == "error_description" || k == "error_uri");
    }

    private static void ShouldBeErrorRedirect(EndpointAnswer answer, AuthorizationAttempt attempt, string error)
    {
        answer.Status.ShouldBe(302, answer.ToString());
        var location = answer.Location.ShouldNotBeNull();
        location.GetLeftPart(UriPartial.Path).ShouldBe(attempt.Client.RedirectUri);
        var parameters = QueryHelpers.ParseQuery(location.Query);
        parameters["error"].ToString().ShouldBe(error);
        parameters["state"].ToString().ShouldBe(attempt.State);
        parameters["iss"].ToString().ShouldBe(attempt.Issuer);
        parameters.ShouldNotContainKey("code");
        parameters.Keys.ShouldAllBe(k => ErrorResponseParameters.Contains(k));
    }
}
