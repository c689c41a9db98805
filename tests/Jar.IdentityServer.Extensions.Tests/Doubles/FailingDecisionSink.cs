namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>A decision sink that cannot write its record.</summary>
internal sealed class FailingDecisionSink : IJarDecisionSink
{
    public ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken) =>
        ValueTask.FromException(new InvalidOperationException("The decision log is unreachable."));
}
