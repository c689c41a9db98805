using System.Collections.Concurrent;

namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>A decision sink that keeps what it is given.</summary>
internal sealed class RecordingDecisionSink : IJarDecisionSink
{
    private readonly ConcurrentQueue<JarDecision> _decisions = new();

    public IReadOnlyCollection<JarDecision> Decisions => _decisions;

    public ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        _decisions.Enqueue(decision);
        return ValueTask.CompletedTask;
    }
}
