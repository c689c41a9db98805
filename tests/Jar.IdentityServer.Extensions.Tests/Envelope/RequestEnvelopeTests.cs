using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Envelope;

/// <summary>JAR101..JAR109 except JAR105 (see <see cref="MalformedRequestObjectTests"/>): the envelope around the object.</summary>
public sealed class RequestEnvelopeTests
{
    [Fact]
    public async Task Refuses_request_and_request_uri_sent_together()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact(), ("request_uri", Requests.PushedRequestUri)));

        decision.ShouldBeRefused("JAR101", "invalid_request");
    }

    [Fact]
    public async Task Refuses_request_object_without_outer_client_id()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.At(JarEndpoint.Authorization, ("request", engine.R0().Compact())));

        decision.ShouldBeRefused("JAR102", "invalid_request");
        decision.ClientId.ShouldBeNull();
    }

    [Fact]
    public async Task Refuses_request_uri_without_outer_client_id()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.At(JarEndpoint.Authorization, ("request_uri", Requests.PushedRequestUri)));

        decision.ShouldBeRefused("JAR102", "invalid_request");
    }

    [Fact]
    public async Task Takes_the_authenticated_client_at_par_when_client_id_is_not_sent()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.PushedAuthorization, ("request", engine.R0().Compact())) with { AuthenticatedClientId = TestClients.C1Id };

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
        decision.ClientId.ShouldBe(TestClients.C1Id);
    }

    [Fact]
    public async Task Refuses_client_id_that_names_no_registered_client()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact()), client: null);

        decision.ShouldBeRefused("JAR103", "invalid_request");
        decision.ClientId.ShouldBe(TestClients.C1Id);
    }

    [Fact]
    public async Task Refuses_when_the_registration_given_is_of_another_client()
    {
        using var engine = new TestEngine();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact()), TestClients.C2);

        decision.ShouldBeRefused("JAR103", "invalid_request");
    }

    [Fact]
    public async Task Refuses_request_object_one_character_over_the_maximum_length()
    {
        var requestObject = Padded();
        using var engine = new TestEngine(o => o.MaxRequestObjectLength = requestObject.Length - 1);

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR104", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_request_object_of_exactly_the_maximum_length()
    {
        var requestObject = Padded();
        using var engine = new TestEngine(o => o.MaxRequestObjectLength = requestObject.Length);

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_a_large_request_object_within_the_configured_maximum()
    {
        // 300 000 characters: above Microsoft.IdentityModel's own default token size limit (250 KiB), within ours.
        using var engine = new TestEngine(o => o.MaxRequestObjectLength = 1024 * 1024);
        var requestObject = engine.R0().With("x_padding", new string('x', 220_000)).Compact();
        requestObject.Length.ShouldBeGreaterThan(256_000);

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Refuses_request_uri_not_issued_by_this_servers_par_endpoint()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization, ("client_id", TestClients.C1Id), ("request_uri", "https://client.example.com/ro.jwt"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR106", "invalid_request_uri");
    }

    [Fact]
    public async Task Takes_a_pushed_request_uri_by_reference_without_parameters_of_its_own()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization, ("client_id", TestClients.C1Id), ("request_uri", Requests.PushedRequestUri));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldBeNull();
    }

    [Fact]
    public async Task Refuses_encrypted_request_object()
    {
        using var engine = new TestEngine();
        var jwe = string.Join('.',
            Jws.Segment("""{"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"JWT"}"""),
            Jws.Segment(new byte[256]), Jws.Segment(new byte[12]), Jws.Segment(engine.R0().Compact()), Jws.Segment(new byte[16]));

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR107", "invalid_request_object");
    }

    [Theory]
    [InlineData("scope")]
    [InlineData("request")]
    [InlineData("client_id")]
    public async Task Refuses_a_parameter_sent_twice(string name)
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().Compact();
        var request = Requests.ByValue(requestObject, ("scope", "openid accounts"), (name, name == "request" ? requestObject : "openid"));

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR108", "invalid_request");
    }

    [Fact]
    public async Task Refuses_request_uri_sent_to_the_par_endpoint()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.PushedAuthorization, ("client_id", TestClients.C1Id), ("request_uri", Requests.PushedRequestUri))
            with { AuthenticatedClientId = TestClients.C1Id };

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR109", "invalid_request");
    }

    [Fact]
    public async Task Refuses_an_empty_request_parameter_rather_than_reading_the_request_as_plain()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization, [("client_id", TestClients.C1Id), ("request", string.Empty),
            ("response_type", "code"), ("redirect_uri", TestClients.RU1), ("scope", "openid")]);

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_an_empty_request_uri_parameter()
    {
        using var engine = new TestEngine();
        var request = Requests.At(JarEndpoint.Authorization, [("client_id", TestClients.C1Id), ("request_uri", string.Empty)]);

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR106", "invalid_request_uri");
    }

    /// <summary>A valid R0, padded past 1024 characters so that one less is still a valid maximum.</summary>
    private static string Padded()
    {
        var requestObject = RequestObject.R0(TestEngine.Start).With("x_padding", new string('x', 600)).Compact();
        requestObject.Length.ShouldBeGreaterThan(1025);
        return requestObject;
    }
}
