namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>
/// The three facts every test checks: the outcome, the rule id and the OAuth error code. The code is spelled out by
/// the test (the spec's word), not read back from the catalogue, so a wrong catalogue entry fails a test.
/// </summary>
internal static class DecisionAssertions
{
    public static void ShouldBeRefused(this JarDecision decision, string ruleId, string error)
    {
        decision.Outcome.ShouldBe(JarOutcome.Refused, Describe(decision));
        var violation = decision.Error.ShouldNotBeNull();
        violation.Rule.Id.ShouldBe(ruleId, Describe(decision));
        violation.Rule.Error.ShouldBe(error);
        decision.Parameters.ShouldBeNull("a refused request has no parameters to use");
    }

    public static void ShouldBeAccepted(this JarDecision decision)
    {
        decision.Outcome.ShouldBe(JarOutcome.Accepted, Describe(decision));
        decision.Violations.ShouldBeEmpty();
        decision.Error.ShouldBeNull();
    }

    /// <summary>Went through under report-only, having broken exactly these rules, in this order.</summary>
    public static void ShouldBeReportOnly(this JarDecision decision, params string[] ruleIds)
    {
        decision.Outcome.ShouldBe(JarOutcome.ReportOnly, Describe(decision));
        decision.Error.ShouldBeNull();
        decision.Violations.Select(v => v.Rule.Id).ShouldBe(ruleIds);
    }

    private static string Describe(JarDecision decision) =>
        decision.Violations.Count == 0
            ? $"{decision.Outcome}, no violations"
            : $"{decision.Outcome}: " + string.Join("; ", decision.Violations.Select(v => $"{v.Rule.Id} ({v.Description})"));
}
