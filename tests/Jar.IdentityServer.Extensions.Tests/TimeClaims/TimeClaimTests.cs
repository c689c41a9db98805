using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.TimeClaims;

/// <summary>
/// JAR301..JAR307 (docs/conformance/catalogue.md C1..C7), against the fake clock, with the default profile's 15 s clock skew and
/// 60 min maximum lifetime. Times are whole seconds from now.
/// </summary>
public sealed class TimeClaimTests
{
    private const int Skew = 15;

    [Fact]
    public async Task Rejects_request_object_without_exp()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("exp"));

        decision.ShouldBeRefused("JAR301", "invalid_request_object");
    }

    [Theory]
    [InlineData("\"1893456000\"")]
    [InlineData("-1")]
    [InlineData("1e20")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task Rejects_exp_that_is_not_a_numeric_date(string exp)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("exp", JsonNode.Parse(exp)));

        decision.ShouldBeRefused("JAR301", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_that_expired_an_hour_ago()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(-3900)).With("exp", engine.At(-3600)));

        decision.ShouldBeRefused("JAR302", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_exp_one_second_beyond_the_clock_skew()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(-300)).With("exp", engine.At(-(Skew + 1))));

        decision.ShouldBeRefused("JAR302", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_exp_in_the_past_within_the_clock_skew()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(-300)).With("exp", engine.At(-(Skew - 1))));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_request_object_that_expires_while_the_clock_moves_on()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("jti", "moves-on").Compact();

        engine.Time.Advance(TimeSpan.FromSeconds(300 + Skew));
        var decision = await engine.SendAsync(requestObject);

        decision.ShouldBeRefused("JAR302", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_without_nbf()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().Without("nbf"));

        decision.ShouldBeRefused("JAR303", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_nbf_that_is_not_a_numeric_date()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(0).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        decision.ShouldBeRefused("JAR303", "invalid_request_object");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(Skew)]
    public async Task Accepts_nbf_slightly_in_the_future(int seconds)
    {
        // FAPI 2.0 Security Profile §5.3.2.1-13: accept nbf up to 10 s ahead.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(seconds)));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData(Skew + 1)]
    [InlineData(61)]
    [InlineData(120)]
    public async Task Rejects_nbf_beyond_the_clock_skew_in_the_future(int seconds)
    {
        // FAPI 2.0 Security Profile §5.3.2.1-13: refuse nbf more than 60 s ahead.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(seconds)));

        decision.ShouldBeRefused("JAR304", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_exp_exactly_60_minutes_after_nbf()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(0)).With("exp", engine.At(3600)));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_exp_60_minutes_and_1_second_after_nbf()
    {
        // FAPI 1.0 Advanced §5.2.2-13.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(0)).With("exp", engine.At(3601)));

        decision.ShouldBeRefused("JAR305", "invalid_request_object");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 5)]
    public async Task Rejects_exp_not_after_nbf(int nbf, int exp)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(nbf)).With("exp", engine.At(exp)));

        decision.ShouldBeRefused("JAR305", "invalid_request_object");
    }

    [Fact]
    public async Task Counts_the_lifetime_from_now_when_the_policy_lets_nbf_be_left_out()
    {
        using var engine = TestEngine.WithPolicy(JarProfiles.BuiltIn[JarProfiles.Strict] with { RequireNotBefore = false });

        var refused = await engine.SendAsync(engine.R0().Without("nbf").With("exp", engine.At(3600 + Skew + 1)));
        var accepted = await engine.SendAsync(engine.R0().Without("nbf").With("exp", engine.At(3600 + Skew)));

        refused.ShouldBeRefused("JAR305", "invalid_request_object");
        accepted.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_nbf_more_than_60_minutes_old()
    {
        // docs/conformance/catalogue.md C5, the conformance suite's EnsureRequestObjectWithNbfOver60Fails: nbf = now-70 min, exp = now+5 min.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("nbf", engine.At(-4200)).With("exp", engine.At(300)));

        decision.ShouldBeRefused("JAR306", "invalid_request_object");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(Skew)]
    [InlineData(-86_400)]
    public async Task Accepts_plausible_iat(int seconds)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("iat", engine.At(seconds)));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData(Skew + 1)]
    [InlineData(120)]
    [InlineData(-86_401)]
    [InlineData(-2 * 86_400)]
    public async Task Rejects_iat_too_far_ahead_or_older_than_a_day(int seconds)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("iat", engine.At(seconds)));

        decision.ShouldBeRefused("JAR307", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_iat_that_is_not_a_numeric_date()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().With("iat", "now"));

        decision.ShouldBeRefused("JAR307", "invalid_request_object");
    }
}
