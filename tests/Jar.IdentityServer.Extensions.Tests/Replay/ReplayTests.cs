using Jar.IdentityServer.Extensions.Tests.Fixtures;

namespace Jar.IdentityServer.Extensions.Tests.Replay;

/// <summary>JAR406 (RFC 9101 §10.2, docs/conformance/catalogue.md D10): a jti is single-use, and only an accepted object uses it.</summary>
public sealed class ReplayTests
{
    [Fact]
    public async Task Rejects_the_second_use_of_a_request_object()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("jti", "once").Compact();

        var first = await engine.SendAsync(requestObject);
        var second = await engine.SendAsync(requestObject);

        first.ShouldBeAccepted();
        second.ShouldBeRefused("JAR406", "invalid_request_object");
        second.JwtId.ShouldBe("once");
    }

    [Fact]
    public async Task Rejects_a_new_object_that_reuses_a_consumed_jti()
    {
        using var engine = new TestEngine();

        var first = await engine.SendAsync(engine.R0().With("jti", "reused"));
        var second = await engine.SendAsync(engine.R0().With("jti", "reused").With("state", "another"));

        first.ShouldBeAccepted();
        second.ShouldBeRefused("JAR406", "invalid_request_object");
    }

    [Fact]
    public async Task Does_not_burn_the_jti_of_an_object_refused_by_policy()
    {
        using var engine = new TestEngine();

        var refused = await engine.SendAsync(engine.R0().With("jti", "kept").With("redirect_uri", "https://junk.io/junk/callback"));
        var accepted = await engine.SendAsync(engine.R0().With("jti", "kept"));

        refused.ShouldBeRefused("JAR607", "invalid_request");
        accepted.ShouldBeAccepted();
    }

    [Fact]
    public async Task Does_not_burn_the_jti_of_an_object_refused_for_its_claims()
    {
        using var engine = new TestEngine();

        var refused = await engine.SendAsync(engine.R0().With("jti", "kept").With("aud", "https://as.example.com/connect/par"));
        var accepted = await engine.SendAsync(engine.R0().With("jti", "kept"));

        refused.ShouldBeRefused("JAR402", "invalid_request_object");
        accepted.ShouldBeAccepted();
    }

    [Fact]
    public async Task Does_not_let_a_forged_copy_burn_the_jti_of_the_genuine_object()
    {
        using var engine = new TestEngine();
        var genuine = engine.R0().With("jti", "kept").Compact();

        var forged = await engine.SendAsync(Jws.CorruptSignature(genuine));
        var accepted = await engine.SendAsync(genuine);

        forged.ShouldBeRefused("JAR205", "invalid_request_object");
        accepted.ShouldBeAccepted();
    }

    [Fact]
    public async Task Keeps_jti_values_apart_per_client()
    {
        using var engine = new TestEngine();
        var ofC2 = RequestObject.R0(engine.Now, TestClients.C2Id, TestKeys.K2).With("jti", "shared").With("redirect_uri", "https://client2.example.com/cb");
        var requestOfC2 = Requests.At(JarEndpoint.Authorization, ("client_id", TestClients.C2Id), ("request", ofC2.Compact()));

        var c1 = await engine.SendAsync(engine.R0().With("jti", "shared"));
        var c2 = await engine.ValidateAsync(requestOfC2, TestClients.C2);

        c1.ShouldBeAccepted();
        c2.ShouldBeAccepted();
    }

    [Fact]
    public async Task Forgets_a_jti_once_its_object_has_expired()
    {
        using var engine = new TestEngine();
        var first = await engine.SendAsync(engine.R0().With("jti", "later"));

        engine.Time.Advance(TimeSpan.FromSeconds(300 + 15 + 1));
        var second = await engine.SendAsync(engine.R0().With("jti", "later"));

        first.ShouldBeAccepted();
        second.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_exactly_one_of_many_concurrent_uses_of_one_object()
    {
        using var engine = new TestEngine();
        var requestObject = engine.R0().With("jti", "raced").Compact();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var uses = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await engine.SendAsync(requestObject);
        })).ToArray();

        start.SetResult();
        var decisions = await Task.WhenAll(uses);

        decisions.Count(d => d.Outcome == JarOutcome.Accepted).ShouldBe(1);
        decisions.Where(d => d.Outcome != JarOutcome.Accepted).ShouldAllBe(d => d.Outcome == JarOutcome.Refused && d.Error!.Rule.Id == "JAR406");
    }
}
