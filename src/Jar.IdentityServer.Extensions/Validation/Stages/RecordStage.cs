using Jar.IdentityServer.Extensions.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions;

/// <summary>Writes the decision to every registered <see cref="IJarDecisionSink"/>: no request is served without its record.</summary>
internal sealed class RecordStage(IJarDecisionSink[] sinks, ILogger logger)
{
    /// <summary>Records <paramref name="decision"/> in every sink but <paramref name="recordedBy"/>, which holds it already.</summary>
    public async ValueTask<JarDecision> RecordAsync(JarDecision decision, IJarDecisionSink? recordedBy, CancellationToken cancellationToken)
    {
        if (decision.AwaitsReference)
        {
            // Recorded by the host once the reference is resolved: the trail holds what was finally answered.
            return decision;
        }

        foreach (var sink in sinks)
        {
            if (ReferenceEquals(sink, recordedBy))
            {
                continue;
            }

            try
            {
                await sink.RecordAsync(decision, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An accepted decision that cannot be recorded is refused.
                JarLog.StoreFailed(logger, e, "decision records", decision.ClientId);
                if (decision.Outcome != JarOutcome.Refused)
                {
                    return decision with
                    {
                        Outcome = JarOutcome.Refused,
                        Parameters = null,
                        Violations = [JarViolations.StoreUnavailable, .. decision.Violations],
                    };
                }
            }
        }

        return decision;
    }
}
