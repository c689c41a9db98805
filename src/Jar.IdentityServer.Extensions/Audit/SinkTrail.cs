namespace Jar.IdentityServer.Extensions;

/// <summary>The <see cref="IJarTrail"/> of the engine: hands each record to every registered sink, in order.</summary>
internal sealed class SinkTrail(IEnumerable<IJarDecisionSink> sinks) : IJarTrail
{
    private readonly IJarDecisionSink[] _sinks = sinks.ToArray();

    public async ValueTask AppendAsync(JarDecision record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        foreach (var sink in _sinks)
        {
            await sink.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }
}
