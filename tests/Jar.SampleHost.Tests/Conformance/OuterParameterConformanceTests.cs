using Jar.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// Group E of docs/conformance/catalogue.md: only the object's parameters count (RFC 9101 §6.3). C1 runs the strict default,
/// <c>OuterParameters = RejectMismatch</c>: an outer parameter missing from the object or differing from it is
/// refused with invalid_request (JAR501). The discarding client runs the other choice, <c>Discard</c>: outer
/// parameters are dropped, and the tests show that the object's values are the ones used.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class OuterParameterConformanceTests(ConformanceHost host)
{
    private const string Evil = "https://evil.example/cb";
    private const string OuterChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Theory, Row("E1")] // RejectMismatch: a state outside only.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_state_sent_only_outside(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit("-state");
        attempt.Outer["state"] = "outer-state";

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory, Row("E1")] // Discard: never echoed, and no s_hash either (the object had no state).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Does_not_echo_a_state_sent_only_outside_when_discarding(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Discarding).Edit("-state");
        attempt.Outer["state"] = "outer-state";

        var result = await attempt.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync(state: null);
        new JsonWebToken(tokens.Parameters["id_token"]).TryGetClaim("s_hash", out _).ShouldBeFalse();
    }

    [Fact, Row("E1"), Row("E11")] // Beside request_uri, RejectMismatch: a state the pushed request lacks is refused.
    public async Task Refuses_a_state_sent_only_beside_the_request_uri()
    {
        var attempt = host.Attempt(host.Clients.C1).Edit("-state");
        attempt.FrontChannel["state"] = "outer-state";

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefusedBesideTheRequestUri("invalid_request", "JAR501");
    }

    [Fact, Row("E1"), Row("E11")] // Beside request_uri, Discard: dropped, so never echoed.
    public async Task Does_not_echo_a_state_sent_only_beside_the_request_uri_when_discarding()
    {
        var attempt = host.Attempt(host.Clients.Discarding).Edit("-state");
        attempt.FrontChannel["state"] = "outer-state";

        var result = await attempt.SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync(state: null);
    }

    [Theory, Row("E11")] // RFC 9126 §4, OpenID Connect Core §6.1: beside a pushed request_uri, only repeats of it.
    [InlineData("response_type", "code id_token")]
    [InlineData("response_type", "token")]
    [InlineData("scope", "openid")]
    [InlineData("scope", "openid profile accounts email")]
    [InlineData("redirect_uri", Evil)]
    [InlineData("state", "outer-state")]
    [InlineData("nonce", "outerNonce")]
    [InlineData("code_challenge_method", "plain")]
    [InlineData("prompt", "none")]
    public async Task Refuses_a_parameter_beside_the_request_uri_that_differs_from_the_pushed_request(string name, string value)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.FrontChannel[name] = value;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefusedBesideTheRequestUri("invalid_request", "JAR501");
    }

    [Theory, Row("E11")] // Discard: whatever comes beside the request_uri, the pushed request is what is granted.
    [InlineData("response_type", "code id_token")]
    [InlineData("scope", "openid")]
    [InlineData("state", "outer-state")]
    public async Task Grants_the_pushed_request_whatever_comes_beside_the_request_uri_when_discarding(string name, string value)
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.FrontChannel[name] = value;

        var result = await attempt.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(attempt.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe(AuthorizationAttempt.Scope);
    }

    [Theory, Row("E11")] // The client_id beside the request_uri is the pushing client's, under either policy.
    [InlineData("c1")]
    [InlineData("discard")]
    public async Task Refuses_a_request_uri_presented_with_another_clients_client_id(string pusherId)
    {
        var pusher = host.Clients.Client(pusherId);
        var attempt = host.Attempt(pusher);
        attempt.Authenticator = pusher;
        var pushed = await attempt.PushAsync([new("client_id", pusher.ClientId), new("request", attempt.RequestObject.Build())]);
        pushed.Status.ShouldBe(201, pushed.ToString());

        var answer = await attempt.AuthorizeAsync([new("client_id", host.Clients.C2.ClientId), new("request_uri", pushed.Parameters["request_uri"])]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", rule: null);
    }

    [Theory, Row("E2")] // RejectMismatch: the only code the conformance suite accepts on the error path is invalid_request.
    [InlineData("state", "outer-state", Delivery.ByValue)]
    [InlineData("state", "outer-state", Delivery.Pushed)]
    [InlineData("nonce", "outerNonce", Delivery.ByValue)]
    [InlineData("nonce", "outerNonce", Delivery.Pushed)]
    public async Task Refuses_a_nonce_or_state_that_differs_outside(string name, string value, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Outer[name] = value;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory, Row("E2")] // Discard: the inner state is returned and the inner nonce is in the ID token.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Uses_the_inner_state_and_nonce_when_discarding_different_outer_ones(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.Outer["state"] = "outer-state";
        attempt.Outer["nonce"] = "outerNonce";

        var result = await attempt.SendAsync(delivery);

        var tokens = await result.ShouldGrantCodeAsync(attempt.State);
        new JsonWebToken(tokens.Parameters["id_token"]).GetClaim("nonce").Value.ShouldBe(attempt.Nonce);
    }

    [Theory, Row("E3"), Row("Z1")] // RejectMismatch: refused, and never redirected to either URI.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_redirect_uri_that_differs_outside(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Outer["redirect_uri"] = Evil;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory, Row("E3")] // Discard: the answer goes to the inner (registered) redirect URI only.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Redirects_to_the_inner_redirect_uri_only_when_discarding(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.Outer["redirect_uri"] = Evil;

        var result = await attempt.SendAsync(delivery);

        await result.ShouldGrantCodeAsync(attempt.State, host.Clients.Discarding.RedirectUri);
    }

    [Fact, Row("E3"), Row("E11")] // Beside request_uri, RejectMismatch: refused, and redirected nowhere.
    public async Task Is_not_redirected_to_a_redirect_uri_sent_beside_the_request_uri()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.FrontChannel["redirect_uri"] = Evil;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefusedBesideTheRequestUri("invalid_request", "JAR501");
    }

    [Fact, Row("E3"), Row("E11")] // Beside request_uri, Discard: the pushed redirect_uri and scope are the ones used.
    public async Task Is_not_redirected_to_a_redirect_uri_sent_beside_the_request_uri_when_discarding()
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.FrontChannel["redirect_uri"] = Evil;
        attempt.FrontChannel["scope"] = "openid";

        var result = await attempt.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(attempt.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe(AuthorizationAttempt.Scope);
    }

    [Theory, Row("E5")] // RejectMismatch: the scope outside only is refused.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_sent_only_outside(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit("-scope");
        attempt.Outer["scope"] = AuthorizationAttempt.Scope;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory, Row("E5")] // Discard: the outer scope does not count, and a request left with no scope is refused (JAR613).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_sent_only_outside_when_discarding(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Discarding).Edit("-scope");
        attempt.Outer["scope"] = AuthorizationAttempt.Scope;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR613");
    }

    [Theory, Row("E6")] // FAPI 1.0 Baseline §5.2.2.2: the FAPI 1 client's nonce outside only.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_nonce_sent_only_outside(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Fapi1, "code id_token").Edit("-nonce");
        attempt.Outer["nonce"] = "outerNonce";

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Theory, Row("E7")]
    [InlineData("c1", "JAR501", Delivery.ByValue)]
    [InlineData("c1", "JAR501", Delivery.Pushed)]
    [InlineData("discard", "JAR606", Delivery.ByValue)]
    [InlineData("discard", "JAR606", Delivery.Pushed)]
    public async Task Refuses_a_redirect_uri_sent_only_outside(string clientId, string rule, Delivery delivery)
    {
        var client = host.Clients.Client(clientId);
        var attempt = host.Attempt(client).Edit("-redirect_uri");
        attempt.Outer["redirect_uri"] = client.RedirectUri;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory, Row("E8")] // Strict JAR: no OpenID Connect §6.3.3 merge of response_type.
    [InlineData("c1", "JAR501", Delivery.ByValue)]
    [InlineData("c1", "JAR501", Delivery.Pushed)]
    [InlineData("discard", "JAR611", Delivery.ByValue)]
    [InlineData("discard", "JAR611", Delivery.Pushed)]
    public async Task Refuses_a_response_type_sent_only_outside(string clientId, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId)).Edit("-response_type");
        attempt.Outer["response_type"] = "code";

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Theory, Row("E9")] // Treated as absent, which is the PKCE-required error.
    [InlineData("c1", "JAR501", Delivery.ByValue)]
    [InlineData("c1", "JAR501", Delivery.Pushed)]
    [InlineData("discard", "JAR603", Delivery.ByValue)]
    [InlineData("discard", "JAR603", Delivery.Pushed)]
    public async Task Refuses_a_code_challenge_sent_only_outside(string clientId, string rule, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId)).Edit("-code_challenge;-code_challenge_method");
        attempt.Outer["code_challenge"] = OuterChallenge;
        attempt.Outer["code_challenge_method"] = "S256";

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Fact, Row("E9")] // With PAR, a challenge sent beside request_uri in the front channel is dropped: the pushed object had none.
    public async Task Refuses_at_PAR_an_object_without_code_challenge_whatever_comes_beside_it_later()
    {
        var attempt = host.Attempt(host.Clients.Fapi2).Edit("-code_challenge;-code_challenge_method");
        attempt.FrontChannel["code_challenge"] = OuterChallenge;
        attempt.FrontChannel["code_challenge_method"] = "S256";

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", "JAR603");
    }

    [Fact, Row("E10")] // RejectMismatch: request plus scope and redirect_uri beside it at PAR.
    public async Task Refuses_a_PAR_with_authorization_parameters_beside_the_request_object()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Outer["scope"] = "admin";
        attempt.Outer["redirect_uri"] = Evil;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", "JAR501");
    }

    [Fact, Row("E10")] // Discard: the granted scope and the redirect target come from the object.
    public async Task Takes_scope_and_redirect_from_the_object_when_discarding_PAR_parameters_beside_it()
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        attempt.Outer["scope"] = "openid";
        attempt.Outer["redirect_uri"] = Evil;

        var result = await attempt.SendAsync(Delivery.Pushed);

        var tokens = await result.ShouldGrantCodeAsync(attempt.State, host.Clients.Discarding.RedirectUri);
        tokens.Parameters["scope"].ShouldBe(AuthorizationAttempt.Scope);
    }
}
