namespace Jar.IdentityServer.Extensions;

/// <summary>
/// Appends records to the decision trail: every registered <see cref="IJarDecisionSink"/> receives them. The engine
/// appends its own decisions; host adapters append the later steps of an authorization; anything else (a policy
/// change, a retention run) appends an administrative event with <see cref="JarTrailExtensions.AppendAdministrativeEventAsync"/>.
/// </summary>
public interface IJarTrail
{
    /// <summary>Appends one record. Throws when a sink cannot write it: callers refuse what they were about to allow.</summary>
    ValueTask AppendAsync(JarDecision record, CancellationToken cancellationToken);
}
