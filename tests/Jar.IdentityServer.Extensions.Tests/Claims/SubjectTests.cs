using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Claims;

/// <summary>
/// JAR409 (RFC 9101 §10.8): a request object whose <c>sub</c> is the client_id has the claims of a client assertion
/// (RFC 7523 §3) and is refused. Any other <c>sub</c> is not an authorization parameter and never names the user.
/// </summary>
public sealed class SubjectTests
{
    [Fact]
    public async Task Rejects_request_object_whose_sub_is_the_client_id()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("sub", TestClients.C1Id));

        decision.ShouldBeRefused("JAR409", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_at_PAR_a_request_object_whose_sub_is_the_client_id()
    {
        using var engine = new TestEngine();

        var decision = await engine.PushAsync(engine.R0().With("sub", TestClients.C1Id));

        decision.ShouldBeRefused("JAR409", "invalid_request_object");
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[\"alice\"]")]
    [InlineData("null")]
    public async Task Rejects_request_object_whose_sub_is_not_a_string(string json)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("sub", JsonNode.Parse(json)));

        decision.ShouldBeRefused("JAR408", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_another_sub_and_never_passes_it_on_as_a_parameter()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("sub", "alice"));

        decision.ShouldBeAccepted();
        decision.Parameters!.ContainsKey("sub").ShouldBeFalse();
        decision.Parameters.Keys.ShouldNotContain("sub");
    }

    [Fact]
    public async Task Compares_the_sub_with_the_client_id_exactly()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("sub", TestClients.C1Id.ToUpperInvariant()));

        decision.ShouldBeAccepted();
    }
}
