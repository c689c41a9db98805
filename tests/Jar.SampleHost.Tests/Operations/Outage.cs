using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>The requests an outage test sends, and what it expects of them while the database is away and once it is back.</summary>
public static class Outage
{
    /// <summary>How many attempts a kind of request may take to be served again once the database is back.</summary>
    public const int AttemptsToRecover = 3;

    /// <summary>A request object of the signing client with a fresh <c>jti</c>, by value.</summary>
    public static Task<FlowResult> SendByValueAsync(OperationsHost host)
    {
        var attempt = host.Attempt(host.Clients.Signing);
        return attempt.SendAsync(Delivery.ByValue, attempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build());
    }

    /// <summary>A request object of the signing client with a fresh <c>jti</c>, pushed (the front channel follows only on 201).</summary>
    public static Task<FlowResult> SendPushedAsync(OperationsHost host)
    {
        var attempt = host.Attempt(host.Clients.Signing);
        return attempt.SendAsync(Delivery.Pushed, attempt.RequestObject.With("jti", Guid.NewGuid().ToString("N")).Build());
    }

    /// <summary>The public client's plain authorization request: query parameters and PKCE.</summary>
    public static Task<FlowResult> SendPlainAsync(OperationsHost host) =>
        host.Attempt(host.Clients.Public).SendWithoutRequestObjectAsync(Delivery.ByValue);

    /// <summary>
    /// Accepted: the authorization endpoint turned the request into a cached (or the pushed) request_uri and sent the
    /// browser on with a redirect; through PAR, the push was answered 201 first.
    /// </summary>
    public static bool IsServed(FlowResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return (result.Delivery == Delivery.ByValue || result.Pushed!.Status == 201) && result.Authorization is { Status: 302 };
    }

    /// <summary>
    /// Sends until a request is served, at most <paramref name="attempts"/> times with <paramref name="pause"/> between
    /// them; each attempt that is not served must be refused as unavailable (never accepted halfway, never a 500).
    /// Returns the served result.
    /// </summary>
    public static async Task<FlowResult> ServedAgainAsync(Func<Task<FlowResult>> send, string? rule = "JAR901", int attempts = AttemptsToRecover, TimeSpan pause = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        for (var attempt = 1; ; attempt++)
        {
            var result = await send();
            if (IsServed(result))
            {
                return result;
            }

            result.ShouldBeRefused("temporarily_unavailable", rule);
            attempt.ShouldBeLessThan(attempts, "the host is not serving requests again");
            await Task.Delay(pause);
        }
    }
}
