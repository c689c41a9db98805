using Jar.IdentityServer.Extensions.Tests.Doubles;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.Tests.Availability;

/// <summary>JAR901: a store the decision depends on fails, and the request is refused (fail closed).</summary>
public sealed class StoreUnavailableTests
{
    [Fact]
    public async Task Refuses_when_the_policy_store_fails()
    {
        using var engine = new TestEngine(register: s => s.AddSingleton<IJarPolicyStore, UnavailablePolicyStore>());

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR901", "temporarily_unavailable");
        decision.ClientId.ShouldBe(TestClients.C1Id);
    }

    [Fact]
    public async Task Refuses_when_the_replay_ledger_fails()
    {
        var ledger = new UnavailableReplayLedger();
        using var engine = new TestEngine(register: s => s.AddSingleton<IReplayLedger>(ledger));

        var decision = await engine.SendAsync(engine.R0().With("jti", "ledger-down"));

        decision.ShouldBeRefused("JAR901", "temporarily_unavailable");
        ledger.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Does_not_ask_the_replay_ledger_about_an_object_without_jti()
    {
        var ledger = new UnavailableReplayLedger();
        using var engine = new TestEngine(register: s => s.AddSingleton<IReplayLedger>(ledger));

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeAccepted();
        ledger.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Refuses_an_accepted_request_whose_decision_cannot_be_recorded()
    {
        using var engine = new TestEngine(register: s => s.AddSingleton<IJarDecisionSink, FailingDecisionSink>());

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR901", "temporarily_unavailable");
    }

    [Fact]
    public async Task Refuses_a_report_only_request_whose_decision_cannot_be_recorded()
    {
        using var engine = new TestEngine(
            o => o.Clients[TestClients.C1Id] = new JarPolicyOverrides { Mode = EnforcementMode.ReportOnly },
            s => s.AddSingleton<IJarDecisionSink, FailingDecisionSink>());

        var decision = await engine.SendAsync(engine.R0().Without("redirect_uri"));

        decision.ShouldBeRefused("JAR901", "temporarily_unavailable");
        decision.Violations.Select(v => v.Rule.Id).ShouldBe(["JAR901", "JAR606"]);
    }

    [Fact]
    public async Task Keeps_the_original_refusal_when_its_record_cannot_be_written()
    {
        using var engine = new TestEngine(register: s => s.AddSingleton<IJarDecisionSink, FailingDecisionSink>());

        var decision = await engine.SendAsync(engine.R0().CompactUnsigned());

        decision.ShouldBeRefused("JAR201", "invalid_request_object");
    }

    [Fact]
    public async Task Records_every_decision_in_every_sink()
    {
        var first = new RecordingDecisionSink();
        var second = new RecordingDecisionSink();
        using var engine = new TestEngine(register: s => s.AddSingleton<IJarDecisionSink>(first).AddSingleton<IJarDecisionSink>(second));

        var accepted = await engine.SendAsync(engine.R0());
        var refused = await engine.SendAsync(engine.R0().CompactUnsigned());

        first.Decisions.ShouldBe([accepted, refused]);
        second.Decisions.ShouldBe([accepted, refused]);
    }
}
