using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Policy;

/// <summary>
/// Report-only: policy violations are recorded and the request goes through, so a policy can be rolled out safely.
/// Integrity violations are refused in every mode: using unverified parameters is the attack itself.
/// </summary>
public sealed class ReportOnlyTests
{
    private static TestEngine ReportOnly() => TestEngine.WithClientPolicy(new JarPolicyOverrides { Mode = EnforcementMode.ReportOnly });

    [Fact]
    public async Task Lets_a_policy_violation_through_and_reports_it()
    {
        using var engine = ReportOnly();

        var decision = await engine.SendAsync(engine.R0().With("redirect_uri", "https://client.example.com/other"));

        decision.ShouldBeReportOnly("JAR607");
        decision.Parameters.ShouldNotBeNull()["redirect_uri"].ShouldBe("https://client.example.com/other");
    }

    [Fact]
    public async Task Reports_every_policy_violation_of_the_request()
    {
        using var engine = ReportOnly();

        var decision = await engine.SendAsync(engine.R0().Without("redirect_uri", "code_challenge", "code_challenge_method").With("response_type", "token"));

        decision.ShouldBeReportOnly("JAR609", "JAR606", "JAR603");
    }

    [Fact]
    public async Task Lets_an_outer_parameter_mismatch_through_and_reports_it()
    {
        using var engine = ReportOnly();

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact(), ("scope", "openid admin")));

        decision.ShouldBeReportOnly("JAR501");
        decision.Parameters.ShouldNotBeNull()["scope"].ShouldBe("openid accounts");
    }

    [Fact]
    public async Task Still_refuses_an_integrity_violation()
    {
        using var engine = ReportOnly();

        var decision = await engine.SendAsync(engine.R0().With("aud", "https://www.other1.example.com/"));

        decision.ShouldBeRefused("JAR402", "invalid_request_object");
    }

    [Fact]
    public async Task Still_refuses_a_bad_signature()
    {
        using var engine = ReportOnly();

        var decision = await engine.SendAsync(Jws.CorruptSignature(engine.R0().With("redirect_uri", "https://evil.example.com/cb").Compact()));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Still_refuses_a_replayed_object_even_after_reporting_its_first_use()
    {
        using var engine = ReportOnly();
        var requestObject = engine.R0().With("jti", "report-only-once").Without("redirect_uri").Compact();

        var first = await engine.SendAsync(requestObject);
        var second = await engine.SendAsync(requestObject);

        first.ShouldBeReportOnly("JAR606");
        second.ShouldBeRefused("JAR406", "invalid_request_object");
    }
}
