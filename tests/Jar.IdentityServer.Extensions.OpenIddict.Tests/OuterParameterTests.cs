using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// Group E of docs/conformance/catalogue.md: only the object's parameters count (RFC 9101 §6.3). C1 runs the default policy
/// (RejectMismatch: an outer parameter missing from the object or differing from it is invalid_request); the
/// discarding client ignores outer parameters, and the tests show the object's values are the ones used.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class OuterParameterTests(OpenIddictHostFixture host)
{
    private const string Evil = "https://evil.example/cb";

    [Theory] // E1, E2, E3, E10 under RejectMismatch.
    [InlineData("-state", "state", "outer-state", Delivery.ByValue)]
    [InlineData("-state", "state", "outer-state", Delivery.Pushed)]
    [InlineData("", "state", "outer-state", Delivery.ByValue)]
    [InlineData("", "state", "outer-state", Delivery.Pushed)]
    [InlineData("", "nonce", "outer-nonce", Delivery.ByValue)]
    [InlineData("", "nonce", "outer-nonce", Delivery.Pushed)]
    [InlineData("", "redirect_uri", Evil, Delivery.ByValue)]
    [InlineData("", "redirect_uri", Evil, Delivery.Pushed)]
    [InlineData("", "scope", "openid admin", Delivery.ByValue)]
    [InlineData("", "scope", "admin", Delivery.Pushed)]
    [InlineData("", "response_mode", "fragment", Delivery.ByValue)]
    [InlineData("", "prompt", "none", Delivery.Pushed)]
    public async Task Refuses_an_outer_parameter_that_differs_from_the_object_or_is_missing_from_it(string edits, string name, string value, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);
        flow.Outer[name] = value;

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory] // E5, E7, E8, E9: a parameter sent only outside does not count, so it is not there.
    [InlineData("-scope", "scope=openid profile accounts", Delivery.ByValue)]
    [InlineData("-scope", "scope=openid profile accounts", Delivery.Pushed)]
    [InlineData("-redirect_uri", "redirect_uri=http://127.0.0.1/cb1", Delivery.ByValue)]
    [InlineData("-redirect_uri", "redirect_uri=http://127.0.0.1/cb1", Delivery.Pushed)]
    [InlineData("-response_type", "response_type=code", Delivery.ByValue)]
    [InlineData("-response_type", "response_type=code", Delivery.Pushed)]
    [InlineData("-code_challenge;-code_challenge_method", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM;code_challenge_method=S256", Delivery.ByValue)]
    [InlineData("-code_challenge;-code_challenge_method", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM;code_challenge_method=S256", Delivery.Pushed)]
    public async Task Refuses_authorization_parameters_sent_only_outside_the_object(string edits, string outer, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1).Edit(edits);
        SetOuter(flow, outer);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory] // With Discard the outer copy is ignored, so the object lacks the parameter and the policy refuses.
    [InlineData("-redirect_uri", "redirect_uri=http://127.0.0.1/cb3", "JAR606", Delivery.ByValue)]
    [InlineData("-redirect_uri", "redirect_uri=http://127.0.0.1/cb3", "JAR606", Delivery.Pushed)]
    [InlineData("-response_type", "response_type=code", "JAR611", Delivery.ByValue)]
    [InlineData("-response_type", "response_type=code", "JAR611", Delivery.Pushed)]
    [InlineData("-code_challenge;-code_challenge_method", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM;code_challenge_method=S256", "JAR603", Delivery.ByValue)]
    [InlineData("-code_challenge;-code_challenge_method", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM;code_challenge_method=S256", "JAR603", Delivery.Pushed)]
    public async Task Discarding_client_is_refused_when_a_required_parameter_is_only_outside(string edits, string outer, string rule, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Discarding).Edit(edits);
        SetOuter(flow, outer);

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory] // E1: a state sent only outside is never echoed.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Discarding_client_does_not_echo_a_state_sent_only_outside(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Discarding).Edit("-state");
        flow.Outer["state"] = "outer-state";

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync(state: null);
    }

    [Fact] // E1 beside request_uri, RejectMismatch: a state the pushed request does not have is refused.
    public async Task Refuses_a_state_sent_only_beside_the_request_uri()
    {
        var flow = host.Flow(host.Clients.C1).Edit("-state");
        flow.FrontChannel["state"] = "outer-state";

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefusedBesideTheRequestUri("invalid_request", "JAR501");
    }

    [Fact] // E1 beside request_uri, Discard: OpenIddict restores the pushed parameters and drops the rest.
    public async Task Discarding_client_does_not_echo_a_state_sent_only_beside_the_request_uri()
    {
        var flow = host.Flow(host.Clients.Discarding).Edit("-state");
        flow.FrontChannel["state"] = "outer-state";

        var result = await flow.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync(state: null);
    }

    [Theory] // E11: beside a pushed request_uri, RejectMismatch refuses what differs from the pushed request.
    [InlineData("response_type", "code id_token")]
    [InlineData("response_type", "token")]
    [InlineData("scope", "openid")]
    [InlineData("scope", "openid profile accounts email")]
    [InlineData("redirect_uri", Evil)]
    [InlineData("state", "outer-state")]
    [InlineData("nonce", "outer-nonce")]
    [InlineData("prompt", "none")]
    [InlineData("code_challenge_method", "plain")]
    [InlineData("response_mode", "form_post")]
    public async Task Refuses_a_parameter_beside_the_request_uri_that_differs_from_the_pushed_request(string name, string value)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.FrontChannel[name] = value;

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefusedBesideTheRequestUri("invalid_request", "JAR501");
    }

    [Fact] // P5, P6 beside request_uri: equal duplicates are what OpenID Connect §6.1 asks clients to send.
    public async Task Accepts_duplicates_beside_the_request_uri_equal_to_the_pushed_request()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.FrontChannel["response_type"] = "code";
        flow.FrontChannel["scope"] = AuthorizationAttempt.Scope;
        flow.FrontChannel["redirect_uri"] = host.Clients.C1.RedirectUri;
        flow.FrontChannel["state"] = flow.State;

        var result = await flow.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync(flow.State);
    }

    [Theory] // E11: the client_id beside a pushed request_uri is the pushing client's, whatever the policy.
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refuses_a_request_uri_presented_by_another_client(bool discarding)
    {
        var pusher = discarding ? host.Clients.Discarding : host.Clients.C1;
        var flow = host.Flow(pusher);
        flow.Authenticator = pusher;
        var pushed = await flow.PushAsync([new("client_id", pusher.ClientId), new("request", flow.RequestObject.Build())]);
        pushed.Status.ShouldBe(201, pushed.ToString());

        var answer = await flow.AuthorizeAsync([new("client_id", host.Clients.C2.ClientId), new("request_uri", pushed.Parameters["request_uri"])]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", rule: null);
    }

    [Theory] // E11 under Discard: what comes beside the request_uri is dropped; the pushed request is granted.
    [InlineData("response_type", "code id_token")]
    [InlineData("scope", "openid")]
    [InlineData("state", "outer-state")]
    public async Task Discarding_client_gets_the_pushed_request_whatever_comes_beside_the_request_uri(string name, string value)
    {
        var flow = host.Flow(host.Clients.Discarding);
        flow.FrontChannel[name] = value;

        var result = await flow.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(flow.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe(AuthorizationAttempt.Scope);
    }

    [Theory] // E2: the inner state is returned and the inner nonce is in the ID token.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Discarding_client_uses_the_inner_state_and_nonce_when_the_outer_ones_differ(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Discarding);
        flow.Outer["state"] = "outer-state";
        flow.Outer["nonce"] = "outer-nonce";

        var result = await flow.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync(flow.State);
        new JsonWebToken(tokens.Parameters["id_token"]).GetClaim("nonce").Value.ShouldBe(flow.Nonce);
    }

    [Theory] // E3: never redirected to the outer redirect_uri.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Discarding_client_is_redirected_to_the_inner_redirect_uri_only(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Discarding);
        flow.Outer["redirect_uri"] = Evil;

        var result = await flow.SendAsync(delivery);

        await result.ShouldGrantCodeAsync(flow.State, host.Clients.Discarding.RedirectUri);
    }

    [Fact] // E3 beside request_uri, Discard: never redirected to the outer redirect_uri.
    public async Task Discarding_client_is_not_redirected_to_a_redirect_uri_sent_beside_the_request_uri()
    {
        var flow = host.Flow(host.Clients.Discarding);
        flow.FrontChannel["redirect_uri"] = Evil;
        flow.FrontChannel["scope"] = "openid";

        var result = await flow.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(flow.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe("openid profile accounts");
    }

    [Theory] // E5: a scope sent only outside does not count, and a request left with no scope is refused (JAR613).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Discarding_client_is_refused_a_scope_sent_only_outside(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Discarding).Edit("-scope");
        flow.Outer["scope"] = "openid profile accounts";

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR613");
    }

    [Fact] // E10 under RejectMismatch: request plus scope and redirect_uri beside it at PAR.
    public async Task Refuses_a_PAR_with_authorization_parameters_beside_the_request_object()
    {
        var flow = host.Flow(host.Clients.C1);
        flow.Outer["scope"] = "admin";
        flow.Outer["redirect_uri"] = "https://evil/cb";

        var result = await flow.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Fact] // E10 with Discard: the granted scope and the redirect target come from the object.
    public async Task Discarding_client_gets_scope_and_redirect_from_the_object_when_PAR_carries_others_beside_it()
    {
        var flow = host.Flow(host.Clients.Discarding);
        flow.Outer["scope"] = "admin";
        flow.Outer["redirect_uri"] = "https://evil/cb";

        var result = await flow.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(flow.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe("openid profile accounts");
        new JsonWebToken(tokens.Parameters["access_token"]).GetClaim("scope").Value.ShouldBe("openid profile accounts");
    }

    private static void SetOuter(AuthorizationAttempt flow, string outer)
    {
        foreach (var pair in outer.Split(';'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            flow.Outer[pair[..equals]] = pair[(equals + 1)..];
        }
    }
}
