namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>One or more trails (<see cref="IJarAuditTrail.FindTrailAsync"/>) with every request object they keep, re-verified.</summary>
/// <param name="Records">The trails' records, in chain order.</param>
/// <param name="KeptObjects">One entry per record that keeps its request object; empty when none was kept.</param>
public sealed record JarTrailEvidence(IReadOnlyList<JarDecisionRecord> Records, IReadOnlyList<JarKeptObjectEvidence> KeptObjects)
{
    /// <summary>True when a kept object's signature fails or its intent or object hash differs from its record.</summary>
    public bool Contradicts => KeptObjects.Any(static k => k.Report.Contradicts);
}
