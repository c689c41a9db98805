namespace Jar.IdentityServer.Extensions;

/// <summary>Receives every decision, for the audit trail. Registered sinks are all called.</summary>
public interface IJarDecisionSink
{
    /// <summary>
    /// Records a decision. Throws when the record cannot be written; the engine then refuses the request, so no
    /// request is served without its record.
    /// </summary>
    ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken);
}
