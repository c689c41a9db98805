using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Assembly;

/// <summary>
/// JAR501, JAR403 (RFC 9126 §4, OpenID Connect Core §6.1): parameters sent beside a pushed request_uri at the
/// authorization endpoint, judged against the pushed request the host restored. RejectMismatch refuses one that is
/// missing from it or differs from it, as by value; Discard drops them; the client_id is always the pushed client's.
/// </summary>
public sealed class PushedRequestOuterParameterTests
{
    private static readonly Dictionary<string, string> Pushed = new(StringComparer.Ordinal)
    {
        ["client_id"] = TestClients.C1Id,
        ["response_type"] = "code",
        ["scope"] = "openid accounts",
        ["redirect_uri"] = TestClients.RU1,
        ["state"] = "af0ifjsldkj",
        ["nonce"] = "n-0S6_WzA2Mj",
        ["code_challenge"] = Pkce.Challenge,
        ["code_challenge_method"] = "S256",
    };

    private static JarRequest BesideRequestUri(params (string Name, string Value)[] outer) =>
        Requests.At(JarEndpoint.Authorization, [("client_id", TestClients.C1Id), ("request_uri", Requests.PushedRequestUri), .. outer])
            with { PushedParameters = Pushed };

    [Fact]
    public async Task Accepts_only_client_id_and_request_uri()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(BesideRequestUri());

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldBeNull("the pushed request stands as the host restored it");
    }

    [Fact]
    public async Task Accepts_outer_duplicates_equal_to_the_pushed_values()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(BesideRequestUri(("response_type", "code"), ("scope", "openid accounts"), ("redirect_uri", TestClients.RU1), ("state", "af0ifjsldkj")));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("response_type", "code id_token")]
    [InlineData("scope", "openid accounts admin")]
    [InlineData("redirect_uri", "https://evil.example.com/cb")]
    [InlineData("state", "outer-state")]
    [InlineData("nonce", "outer-nonce")]
    [InlineData("prompt", "none")]
    [InlineData("code_challenge_method", "plain")]
    public async Task Rejects_a_parameter_beside_the_request_uri_that_differs_from_the_pushed_request(string name, string value)
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(BesideRequestUri((name, value)));

        decision.ShouldBeRefused("JAR501", "invalid_request");
    }

    [Fact]
    public async Task Ignores_fields_beside_the_request_uri_that_are_not_authorization_parameters()
    {
        // RFC 6749 §3.1: e.g. the consent decision and antiforgery token a host's own page posts back.
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(BesideRequestUri(("consent", "allow"), ("__RequestVerificationToken", "CfDJ8")));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("response_type", "code id_token")]
    [InlineData("state", "outer-state")]
    public async Task Drops_parameters_beside_the_request_uri_when_discarding(string name, string value)
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard });

        var decision = await engine.ValidateAsync(BesideRequestUri((name, value)));

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldBeNull();
    }

    [Fact]
    public async Task Reports_a_differing_parameter_beside_the_request_uri_in_report_only_mode()
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { Mode = EnforcementMode.ReportOnly });

        var decision = await engine.ValidateAsync(BesideRequestUri(("scope", "openid accounts admin")));

        decision.ShouldBeReportOnly("JAR501");
    }

    [Theory]
    [InlineData(OuterParameterHandling.RejectMismatch)]
    [InlineData(OuterParameterHandling.Discard)]
    public async Task Rejects_a_request_uri_pushed_by_another_client(OuterParameterHandling handling)
    {
        using var engine = TestEngine.WithClientPolicy(new JarPolicyOverrides { OuterParameters = handling });
        var request = BesideRequestUri() with { PushedParameters = new Dictionary<string, string>(Pushed) { ["client_id"] = "c2" } };

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR403", "invalid_request_object");
    }

    [Fact]
    public async Task Checks_only_that_the_request_uri_is_pushed_when_the_host_restores_nothing()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization, ("client_id", TestClients.C1Id), ("request_uri", Requests.PushedRequestUri), ("state", "outer"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
    }
}
