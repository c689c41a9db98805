using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Group F of docs/conformance/catalogue.md: the assembled request against the client's registration and policy.</summary>
[Collection(SharedConformanceHost.Name)]
public sealed class AssembledRequestConformanceTests(ConformanceHost host)
{
    [Theory, Row("F1"), Row("Z1")] // RFC 6749 §3.1.2.3, §4.1.2.1: an exact match, else an error page and no redirect to either URI.
    [InlineData("redirect_uri=\"https://c1.example/cb/x7Gq2LmP0a\"", Delivery.ByValue)] // the conformance suite's <base>/callback/<random>
    [InlineData("redirect_uri=\"https://c1.example/cb/x7Gq2LmP0a\"", Delivery.Pushed)]
    [InlineData("redirect_uri=\"https://junk.io/junk/callback\"", Delivery.ByValue)]
    [InlineData("redirect_uri=\"https://junk.io/junk/callback\"", Delivery.Pushed)]
    [InlineData("redirect_uri=\"https://C1.example/cb\"", Delivery.ByValue)] // no case folding
    [InlineData("redirect_uri=\"https://c1.example/cb/\"", Delivery.Pushed)] // no normalization
    public async Task Refuses_a_redirect_uri_that_is_not_registered(string edits, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.C1).Edit(edits);
        attempt.Outer["redirect_uri"] = null;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR607");
    }

    [Theory, Row("F3")] // FAPI 1.0 Baseline §5.2.2-9, FAPI 2.0 Security Profile §5.3.2.2-6: no default to the only registered URI.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_a_request_without_redirect_uri(string clientId, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId)).Edit("-redirect_uri");
        attempt.Outer["redirect_uri"] = null;

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR606");
    }

    [Theory, Row("F4")] // FAPI 2.0 Security Profile §5.3.2.2-1: code only.
    [InlineData("code id_token")]
    [InlineData("token")]
    [InlineData("id_token")]
    public async Task Refuses_a_FAPI2_response_type_other_than_code(string responseType)
    {
        var result = await host.Attempt(host.Clients.Fapi2, responseType).SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("unsupported_response_type", "JAR609");
    }

    [Theory, Row("F4")] // FAPI 1.0 Advanced §5.2.2-2: code id_token (no JARM here), never code alone.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_response_type_code_from_a_FAPI1_client(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Fapi1, "code").SendAsync(delivery);

        result.ShouldBeRefused("unsupported_response_type", "JAR609");
    }

    [Theory, Row("F4")] // A FAPI 1 hybrid request must not use response_mode=query (OAuth 2.0 Multiple Response Types §5).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_FAPI1_hybrid_request_with_response_mode_query(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Fapi1, "code id_token").Edit("response_mode=\"query\"");

        var result = await attempt.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule: null);
    }

    [Theory, Row("F5")] // RFC 6749 §3.3: refused whole, never trimmed.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_beyond_the_clients_ceiling(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit("scope=\"openid accounts admin\"").SendAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR608");
    }

    [Theory, Row("F5")] // Without a ceiling in its policy, the host's own scope registration refuses an unknown scope.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_the_host_does_not_know_for_a_client_without_a_ceiling(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C2).Edit("scope=\"openid accounts admin\"").SendAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Theory, Row("F7")] // RFC 9126 §2.1: a scope the host knows, but the client's own registration does not permit.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_scope_the_clients_registration_does_not_permit(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C2).Edit("scope=\"openid accounts email\"").SendAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Theory, Row("F7")] // The same for a client that sends no request object at all.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_plain_request_for_a_scope_the_clients_registration_does_not_permit(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C2).Edit("scope=\"openid email\"").SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_scope", "JAR614");
    }

    [Theory, Row("F6")] // FAPI 1.0 Baseline §5.2.2.2: nonce with openid.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_FAPI1_openid_request_without_nonce(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Fapi1, "code id_token").Edit("-nonce").SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR610");
    }

    [Theory, Row("F6")] // OpenID Connect Core §3.1.2.1: an ID token needs the openid scope.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_an_id_token_response_type_without_the_openid_scope(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Fapi1, "code id_token").Edit("scope=\"profile accounts\"").SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule: null);
    }

    [Fact, Row("F6"), Row("P9")] // FAPI 2.0 Security Profile §5.3.2.2-14: no nonce is needed.
    public async Task Grants_a_FAPI2_request_without_nonce()
    {
        var result = await host.Attempt(host.Clients.Fapi2).Edit("-nonce").SendAsync(Delivery.Pushed);

        await result.ShouldGrantCodeAsync();
    }
}
