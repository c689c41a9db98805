using Jar.IdentityServer.Extensions.Tests.Doubles;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Replay;

/// <summary>
/// A decision sink whose store holds the replay ledger (<see cref="IJarLedgerDecisionSink"/>): the engine consumes
/// the jti and records the decision there in one call, records it in every other sink once, falls back to the ledger
/// and the sink one after the other when that store cannot, and refuses (JAR901) when it fails.
/// </summary>
public sealed class LedgerHeldBySinkTests
{
    [Fact]
    public async Task An_accepted_object_is_consumed_and_recorded_in_one_call_and_recorded_once_in_every_other_sink()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(ledger);
        var other = new RecordingDecisionSink();
        using var engine = Engine(ledger, holder, other);

        var decision = await engine.SendAsync(engine.R0().With("jti", "held-1"));

        decision.ShouldBeAccepted();
        holder.ConsumeCalls.ShouldBe(1);
        holder.RecordCalls.ShouldBe(0);
        holder.Decisions.ShouldBe([decision]);
        other.Decisions.ShouldBe([decision]);
        (await ledger.TryConsumeAsync(TestClients.C1Id, "held-1", engine.Now.AddMinutes(5), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_replayed_object_is_refused_JAR406_and_its_refusal_recorded_once_in_every_sink()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(ledger);
        var other = new RecordingDecisionSink();
        using var engine = Engine(ledger, holder, other);
        var requestObject = engine.R0().With("jti", "held-2").Compact();

        var first = await engine.SendAsync(requestObject);
        var second = await engine.SendAsync(requestObject);

        first.ShouldBeAccepted();
        second.ShouldBeRefused("JAR406", "invalid_request_object");
        holder.ConsumeCalls.ShouldBe(2);
        holder.RecordCalls.ShouldBe(0);
        holder.Decisions.ShouldBe([first, second]);
        other.Decisions.ShouldBe([first, second]);
    }

    [Fact]
    public async Task A_store_that_cannot_do_both_at_once_leaves_the_ledger_and_the_record_to_run_one_after_the_other()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(ledger) { CanConsume = false };
        using var engine = Engine(ledger, holder);
        var requestObject = engine.R0().With("jti", "held-3").Compact();

        var first = await engine.SendAsync(requestObject);
        var second = await engine.SendAsync(requestObject);

        first.ShouldBeAccepted();
        second.ShouldBeRefused("JAR406", "invalid_request_object");
        holder.ConsumeCalls.ShouldBe(2);
        holder.RecordCalls.ShouldBe(2);
        holder.Decisions.ShouldBe([first, second]);
    }

    [Fact]
    public async Task A_failing_store_refuses_JAR901_and_the_refusal_goes_to_every_sink()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(ledger) { Fails = true };
        var other = new RecordingDecisionSink();
        using var engine = Engine(ledger, holder, other);

        var decision = await engine.SendAsync(engine.R0().With("jti", "held-4"));

        decision.ShouldBeRefused("JAR901", "temporarily_unavailable");
        holder.ConsumeCalls.ShouldBe(1);
        holder.RecordCalls.ShouldBe(1);
        other.Decisions.ShouldBe([decision]);

        // Nothing was consumed: the same object is accepted once the store answers again.
        (await ledger.TryConsumeAsync(TestClients.C1Id, "held-4", engine.Now.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_sink_whose_store_holds_another_ledger_is_never_asked_to_consume()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(Ledger());
        using var engine = Engine(ledger, holder);

        var decision = await engine.SendAsync(engine.R0().With("jti", "held-5"));

        decision.ShouldBeAccepted();
        holder.ConsumeCalls.ShouldBe(0);
        holder.RecordCalls.ShouldBe(1);
        (await ledger.TryConsumeAsync(TestClients.C1Id, "held-5", engine.Now.AddMinutes(5), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_object_without_jti_is_recorded_without_asking_the_ledger()
    {
        var ledger = Ledger();
        var holder = new LedgerHoldingDecisionSink(ledger);
        using var engine = Engine(ledger, holder);

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeAccepted();
        holder.ConsumeCalls.ShouldBe(0);
        holder.Decisions.ShouldBe([decision]);
    }

    /// <summary>An in-memory ledger on the engine's clock.</summary>
    private static InMemoryReplayLedger Ledger() => new(new FakeTimeProvider(TestEngine.Start));

    private static TestEngine Engine(IReplayLedger ledger, params IJarDecisionSink[] sinks) => new(register: s =>
    {
        s.AddSingleton(ledger);
        foreach (var sink in sinks)
        {
            s.AddSingleton(sink);
        }
    });
}
