using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests;

/// <summary>Every decision carries what the audit trail needs: when, where, who, which object, which rule.</summary>
public sealed class DecisionRecordTests
{
    [Fact]
    public async Task Describes_an_accepted_request_object()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("jti", "recorded").Compact();

        var decision = await engine.ValidateAsync(Requests.Pushed(requestObject));

        decision.ShouldBeAccepted();
        decision.DecidedAt.ShouldBe(TestEngine.Start);
        decision.Endpoint.ShouldBe(JarEndpoint.PushedAuthorization);
        decision.ClientId.ShouldBe("c1");
        decision.Profile.ShouldBe("strict");
        decision.Algorithm.ShouldBe("PS256");
        decision.KeyId.ShouldBe("k1");
        decision.JwtId.ShouldBe("recorded");
        decision.RequestObjectHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(requestObject))));
    }

    [Fact]
    public async Task Describes_a_refused_request_object_without_its_unverified_jti()
    {
        using var engine = new TestEngine();
        var requestObject = Jws.CorruptSignature(engine.R0().With("jti", "forged").Compact());

        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
        decision.Error.ShouldNotBeNull().Description.ShouldNotContain("forged");
        decision.Algorithm.ShouldBe("PS256");
        decision.KeyId.ShouldBe("k1");
        decision.JwtId.ShouldBeNull();
        decision.RequestObjectHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(requestObject))));
    }

    [Fact]
    public async Task Takes_the_time_of_decision_from_the_time_provider()
    {
        using var engine = new TestEngine();
        engine.Time.Advance(TimeSpan.FromSeconds(42));

        var decision = await engine.SendAsync(engine.R0());

        decision.DecidedAt.ShouldBe(TestEngine.Start.AddSeconds(42));
    }
}
