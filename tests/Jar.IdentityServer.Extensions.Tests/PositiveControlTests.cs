using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests;

/// <summary>jar-checks.md §P: what a strict server must still accept.</summary>
public sealed class PositiveControlTests
{
    [Fact]
    public async Task Accepts_the_baseline_request_object_without_typ_iat_or_jti()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeAccepted();
    }
}
