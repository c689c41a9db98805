using Jar.IdentityServer.Extensions.Tests.Doubles;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Audit;

/// <summary>A record that is not a request: an administrative event appended to the trail through <see cref="IJarTrail"/>.</summary>
public sealed class AdministrativeEventTests
{
    [Fact]
    public async Task An_administrative_event_is_appended_with_actor_reason_and_before_and_after()
    {
        var sink = new RecordingDecisionSink();
        var services = new ServiceCollection().AddJarEngine().AddSingleton<IJarDecisionSink>(sink).BuildServiceProvider();
        var time = new FakeTimeProvider(TestEngine.Start);

        var record = await services.GetRequiredService<IJarTrail>().AppendAdministrativeEventAsync(
            time, "operator@example.test", "policy.loosened", "pilot rollout", "c1", """{"RequireJwtId":true}""", """{"RequireJwtId":false}""", CancellationToken.None);

        sink.Decisions.ShouldHaveSingleItem().ShouldBe(record);
        record.Step.ShouldBe(JarTrailStep.Administrative);
        record.Endpoint.ShouldBe(JarEndpoint.Administration);
        record.Subject.ShouldBe("operator@example.test");
        record.Reason.ShouldBe("policy.loosened: pilot rollout");
        record.Detail.ShouldBe("""{"before":"{\"RequireJwtId\":true}","after":"{\"RequireJwtId\":false}"}""");
        record.DecidedAt.ShouldBe(TestEngine.Start);
        record.TrailId.ShouldNotBeNullOrEmpty();
    }
}
