using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Claims;

/// <summary>JAR401..JAR404 (docs/conformance/catalogue.md D1..D8): who issued the object, for whom, and for which client.</summary>
public sealed class IdentityClaimTests
{
    [Theory]
    [InlineData("\"c2\"")]
    [InlineData("\"c1/1\"")]
    [InlineData("\"C1\"")]
    [InlineData("5")]
    [InlineData("[\"c1\"]")]
    public async Task Rejects_iss_that_is_not_the_client_id(string iss)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("iss", JsonNode.Parse(iss)));

        decision.ShouldBeRefused("JAR401", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_without_iss_under_the_default_profile()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("iss"));

        decision.ShouldBeRefused("JAR401", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_without_aud()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("aud"));

        decision.ShouldBeRefused("JAR402", "invalid_request_object");
    }

    [Theory]
    [InlineData("\"https://www.other1.example.com/\"")]
    [InlineData("\"https://as.example.com/\"")]
    [InlineData("\"https://AS.example.com\"")]
    [InlineData("\"https://as.example.com/1\"")]
    [InlineData("\"https://as.example.com/connect/par\"")]
    [InlineData("\"https://as.example.com/connect/token\"")]
    [InlineData("[]")]
    [InlineData("[\"https://x.example.com\"]")]
    [InlineData("[\"https://as.example.com\",5]")]
    [InlineData("123")]
    [InlineData("{\"aud\":\"https://as.example.com\"}")]
    public async Task Rejects_aud_that_does_not_name_the_issuer_exactly(string aud)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("aud", JsonNode.Parse(aud)));

        decision.ShouldBeRefused("JAR402", "invalid_request_object");
    }

    [Theory]
    [InlineData("[\"https://as.example.com\"]")]
    [InlineData("[\"https://other.example.com\",\"https://as.example.com\"]")]
    public async Task Accepts_aud_array_that_contains_the_issuer(string aud)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("aud", JsonNode.Parse(aud)));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_request_object_without_client_id()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("client_id"));

        decision.ShouldBeRefused("JAR403", "invalid_request_object");
    }

    [Theory]
    [InlineData("\"c2\"")]
    [InlineData("\"C1\"")]
    [InlineData("5")]
    [InlineData("null")]
    public async Task Rejects_inner_client_id_that_differs_from_the_outer_one(string clientId)
    {
        // RFC 9101 §6.3: identical. Signed with C1's own key, so only the claim is wrong.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("client_id", JsonNode.Parse(clientId)));

        decision.ShouldBeRefused("JAR403", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_at_par_an_object_whose_client_id_is_not_the_authenticated_client()
    {
        // RFC 9126 §3, docs/conformance/catalogue.md D8: C2 authenticated and pushes C1's object, signed by C1's key.
        using var engine = new TestEngine();
        var request = Requests.Pushed(engine.R0().Compact()) with { AuthenticatedClientId = TestClients.C2Id };

        var decision = await engine.ValidateAsync(request);

        decision.ShouldBeRefused("JAR404", "invalid_request_object");
    }
}
