using System.Reflection;
using Xunit.Abstractions;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the engine, in process: request objects mutated from valid ones (bytes, base64url
/// segments, JSON members, header members, claim types, lengths, encodings, signatures and keys) inside mutated
/// requests, against three engines (strict; permissive and report-only; FAPI 2.0 Message Signing with jti).
/// </summary>
public sealed class EngineFuzzTests(ITestOutputHelper output)
{
    /// <summary>Inputs per run: enough to reach the rare paths, short enough for CI (well under a minute on 2 cores).</summary>
    public const int Inputs = 100_000;

    /// <summary>The base seed of every CI run; <c>JAR_FUZZ_SEED</c> explores others.</summary>
    public const ulong Seed = 9101;

    private static readonly HashSet<string> DocumentedErrors = typeof(JarErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral)
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Rules that only ever judge an object whose signature has verified (JarPipeline): they must never answer for any other.</summary>
    private static readonly HashSet<JarRule> AfterSignature =
    [
        JarRules.TypeForeign, JarRules.ExpiryMissing, JarRules.Expired, JarRules.NotBeforeMissing, JarRules.NotBeforeInFuture,
        JarRules.LifetimeTooLong, JarRules.NotBeforeTooOld, JarRules.IssuedAtInvalid, JarRules.IssuerInvalid, JarRules.AudienceInvalid,
        JarRules.ClientIdMismatch, JarRules.AuthenticatedClientMismatch, JarRules.JwtIdInvalid, JarRules.JwtIdReplayed,
        JarRules.NestedRequestClaim, JarRules.ClaimValueInvalid, JarRules.SubjectIsClient, .. JarRules.All.Where(static r => r.Kind == JarRuleKind.Policy),
    ];

    [Fact]
    public async Task Mutated_requests_never_throw_are_refused_with_a_documented_code_and_never_accept_an_object_the_client_did_not_sign()
    {
        using var strict = EngineSetting.Strict();
        using var permissive = EngineSetting.Permissive();
        using var fapi2 = EngineSetting.Fapi2WithJwtId();

        var report = await FuzzRun.RunAsync(
            EngineFuzzInputs.Cases([strict, permissive, fapi2]),
            CheckAsync,
            Inputs,
            Seed,
            Environment.ProcessorCount,
            static c => c.ToString(),
            output.WriteLine);

        output.WriteLine(report.Tally());
        if (Environment.GetEnvironmentVariable(FuzzRun.SeedVariable) is { } seed && !ulong.TryParse(seed, out _))
        {
            return; // One input replayed: it passed.
        }

        report.Inputs.ShouldBe(Inputs);

        // The generator must reach past the signature, or the oracle judges nothing: objects accepted, and refusals
        // from every group of rules.
        report.Count(static o => o.EndsWith(WithObject, StringComparison.Ordinal)).ShouldBeGreaterThan(Inputs / 50, report.Tally());
        foreach (var group in (string[])["JAR1", "JAR2", "JAR3", "JAR4", "JAR5", "JAR6"])
        {
            report.Count(o => o.StartsWith(group, StringComparison.Ordinal)).ShouldBeGreaterThan(0, $"no refusal from {group}xx: {report.Tally()}");
        }
    }

    private const string WithObject = "with an object";

    /// <summary>The property: (a) no exception escapes and every refusal is a catalogued rule with a documented code; (b) every acceptance of an object is the client's own signature, and its parameters are the object's.</summary>
    private static async Task<string> CheckAsync(EngineFuzzCase input)
    {
        JarDecision decision;
        try
        {
            decision = await input.Setting.Engine.ValidateAsync(input.Request, input.ClientRecord);
        }
        catch (Exception e)
        {
            throw new ShouldAssertException($"ValidateAsync threw {e.GetType().Name} instead of deciding: {e.Message}", e);
        }

        var requestObject = input.Request["request"];
        var named = input.Request["client_id"] ?? input.Request.AuthenticatedClientId;
        switch (decision.Outcome)
        {
            case JarOutcome.Refused:
                var rule = decision.Error.ShouldNotBeNull().Rule;
                JarRules.All.ShouldContain(rule, "a refusal names a catalogued rule");
                DocumentedErrors.ShouldContain(rule.Error, "a refusal answers with a documented error code");
                decision.Parameters.ShouldBeNull("a refused request has no parameters to use");
                if (requestObject is not null && AfterSignature.Contains(rule))
                {
                    // A rule past the signature answered, so the signature was judged good: it must be.
                    Verify(input, requestObject, named).ShouldBeNull($"{rule.Id} answered for an object whose signature does not verify");
                }

                return rule.Id;

            case JarOutcome.ReportOnly:
                input.Setting.ReportOnly.ShouldBeTrue("report-only outcomes come from a report-only policy only");
                decision.Violations.ShouldNotBeEmpty();
                decision.Violations.ShouldAllBe(v => v.Rule.Kind == JarRuleKind.Policy, "an integrity violation is never only reported");
                break;

            default:
                decision.Violations.ShouldBeEmpty();
                break;
        }

        if (requestObject is null)
        {
            decision.Parameters.ShouldBeNull("without an object the request's own parameters stand");
            return decision.Outcome == JarOutcome.Accepted ? "accepted without an object" : "report-only without an object";
        }

        // RFC 9101 §6.2: accepted only if the named client's own key verifies the signature.
        Verify(input, requestObject, named).ShouldBeNull("an accepted object's signature must verify with a key of the named client");

        // RFC 9101 §6.3: the parameters used are exactly the object's claims (less the JWT envelope).
        var expected = SignatureOracle.Parameters(requestObject, out var problem);
        expected.ShouldNotBeNull($"an accepted object is a JSON object with unique members, but {problem}");
        var actual = decision.Parameters.ShouldNotBeNull("an accepted object's parameters are the ones to use");
        actual.Count.ShouldBe(expected.Count, "the parameters used are the object's claims");
        foreach (var (name, value) in expected)
        {
            actual.TryGetValue(name, out var used).ShouldBeTrue($"the object's '{name}' is a parameter used");
            used.ShouldBe(value, $"'{name}' is used as the object says");
        }

        expected.GetValueOrDefault("client_id").ShouldBe(named, "the object names the client that sent it");
        return (decision.Outcome == JarOutcome.Accepted ? "accepted " : "report-only ") + WithObject;
    }

    private static string? Verify(EngineFuzzCase input, string requestObject, string? named) =>
        named is not null && input.Setting.Clients.TryGetValue(named, out var client)
            ? SignatureOracle.WhyNotVerified(requestObject, client.SigningKeys, client.SharedSecret?.ToArray(), input.Setting.AllowedAlgorithms)
            : $"no client is registered as '{named}'";
}
