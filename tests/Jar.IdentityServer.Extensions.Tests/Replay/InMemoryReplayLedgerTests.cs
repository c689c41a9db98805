using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Replay;

/// <summary>The single-instance ledger: atomic consumption, per client, until the object expires.</summary>
public sealed class InMemoryReplayLedgerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task Of_many_parallel_consumptions_of_one_pair_exactly_one_succeeds()
    {
        var ledger = new InMemoryReplayLedger(_time);
        var expiresAt = _time.GetUtcNow().AddMinutes(5);

        for (var round = 0; round < 50; round++)
        {
            var jti = "jti-" + round.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var gate = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            {
                gate.Wait();
                return ledger.TryConsumeAsync("c1", jti, expiresAt, CancellationToken.None).AsTask();
            })).ToArray();

            gate.Set();
            var results = await Task.WhenAll(attempts);

            results.Count(consumed => consumed).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task Refuses_a_second_consumption_before_expiry()
    {
        var ledger = new InMemoryReplayLedger(_time);
        var expiresAt = _time.GetUtcNow().AddMinutes(5);

        (await ledger.TryConsumeAsync("c1", "a", expiresAt, CancellationToken.None)).ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(4));
        (await ledger.TryConsumeAsync("c1", "a", expiresAt, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Keeps_the_same_jti_of_two_clients_apart()
    {
        var ledger = new InMemoryReplayLedger(_time);
        var expiresAt = _time.GetUtcNow().AddMinutes(5);

        (await ledger.TryConsumeAsync("c1", "a", expiresAt, CancellationToken.None)).ShouldBeTrue();
        (await ledger.TryConsumeAsync("c2", "a", expiresAt, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Takes_a_jti_again_once_its_entry_has_expired()
    {
        var ledger = new InMemoryReplayLedger(_time);
        var now = _time.GetUtcNow();

        (await ledger.TryConsumeAsync("c1", "a", now.AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
        _time.Advance(TimeSpan.FromMinutes(5));
        (await ledger.TryConsumeAsync("c1", "a", now.AddMinutes(15), CancellationToken.None)).ShouldBeTrue();
        (await ledger.TryConsumeAsync("c1", "a", now.AddMinutes(15), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Still_refuses_a_live_jti_after_a_sweep_of_expired_entries()
    {
        var ledger = new InMemoryReplayLedger(_time);
        var now = _time.GetUtcNow();
        (await ledger.TryConsumeAsync("c1", "short", now.AddSeconds(30), CancellationToken.None)).ShouldBeTrue();
        (await ledger.TryConsumeAsync("c1", "long", now.AddMinutes(30), CancellationToken.None)).ShouldBeTrue();

        _time.Advance(TimeSpan.FromMinutes(2));
        (await ledger.TryConsumeAsync("c1", "other", now.AddMinutes(30), CancellationToken.None)).ShouldBeTrue();

        (await ledger.TryConsumeAsync("c1", "long", now.AddMinutes(30), CancellationToken.None)).ShouldBeFalse();
        (await ledger.TryConsumeAsync("c1", "short", now.AddMinutes(30), CancellationToken.None)).ShouldBeTrue();
    }
}
