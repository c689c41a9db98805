using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Group G of docs/conformance/catalogue.md: PKCE (RFC 7636), at the authorization and PAR endpoints and at the token endpoint.</summary>
[Collection(SharedConformanceHost.Name)]
public sealed class PkceConformanceTests(ConformanceHost host)
{
    [Theory, Row("G1")] // RFC 7636 §4.4.1; FAPI 2.0 Security Profile §5.3.2.2-5; the strict profile requires PKCE too.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("c1", Delivery.Pushed)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_code_challenge(string clientId, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.Client(clientId)).Edit("-code_challenge;-code_challenge_method").SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR603");
    }

    [Theory, Row("G1")] // A public client's plain request.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_public_clients_request_without_code_challenge(Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Public).Edit("-code_challenge;-code_challenge_method");

        var result = await attempt.SendWithoutRequestObjectAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR603");
    }

    [Theory, Row("G2")] // RFC 7636 §4.3: a missing method is plain; only S256, exactly.
    [InlineData("code_challenge_method=\"plain\"", "JAR604", Delivery.ByValue)]
    [InlineData("code_challenge_method=\"plain\"", "JAR604", Delivery.Pushed)]
    [InlineData("-code_challenge_method", "JAR604", Delivery.ByValue)]
    [InlineData("-code_challenge_method", "JAR604", Delivery.Pushed)]
    [InlineData("code_challenge_method=\"s256\"", "JAR604", Delivery.ByValue)]
    [InlineData("code_challenge_method=\"SHA256\"", "JAR604", Delivery.Pushed)]
    [InlineData("code_challenge=\"too-short\"", "JAR605", Delivery.ByValue)]
    public async Task Refuses_a_code_challenge_that_is_not_S256(string edits, string rule, Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.C1).Edit(edits).SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", rule);
    }

    [Fact, Row("G2")] // The conformance suite's plain downgrade: the challenge is the verifier itself.
    public async Task Refuses_a_FAPI2_plain_challenge_equal_to_the_verifier()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        attempt.RequestObject.With("code_challenge", attempt.Pkce.Verifier).With("code_challenge_method", "plain");

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_request", "JAR604");
    }

    [Theory, Row("G4")] // RFC 7636 §4.6: the flow completes, then the code is redeemed without code_verifier.
    [InlineData("c1", Delivery.ByValue)]
    [InlineData("fapi2", Delivery.Pushed)]
    public async Task Refuses_to_redeem_a_PKCE_bound_code_without_code_verifier(string clientId, Delivery delivery)
    {
        var attempt = host.Attempt(host.Clients.Client(clientId));
        var code = (await (await attempt.SendAsync(delivery)).ShouldRedirectWithCodeAsync(attempt.State))["code"].ToString();

        var tokens = await attempt.RedeemAsync(code, attempt.Client.RedirectUri, codeVerifier: null);

        tokens.ShouldBeJsonError(400, "invalid_grant", rule: null);
        tokens.Parameters.ShouldNotContainKey("access_token");
    }

    [Theory, Row("G5")] // RFC 7636 §4.1, §4.6: a random verifier, one of 42 characters, and the challenge itself (plain downgrade).
    [InlineData("random")]
    [InlineData("42-characters")]
    [InlineData("the-challenge")]
    public async Task Refuses_to_redeem_a_code_with_a_wrong_code_verifier(string verifier)
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var code = (await (await attempt.SendAsync(Delivery.Pushed)).ShouldRedirectWithCodeAsync(attempt.State))["code"].ToString();
        var wrong = verifier switch
        {
            "random" => Pkce.Create().Verifier,
            "42-characters" => attempt.Pkce.Verifier[..42],
            _ => attempt.Pkce.Challenge,
        };

        var tokens = await attempt.RedeemAsync(code, attempt.Client.RedirectUri, wrong);

        tokens.ShouldBeJsonError(400, "invalid_grant", rule: null);
    }
}
