namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// One authorization's records in chain order, or a single record that belongs to no trail (an administrative event,
/// or a record written before trails existed).
/// </summary>
/// <param name="TrailId">The trail id; null for a single record without one.</param>
/// <param name="Records">The records, in chain order (never empty).</param>
public sealed record JarTrail(string? TrailId, IReadOnlyList<JarDecisionRecord> Records)
{
    /// <summary>The client of the trail: its first record naming one.</summary>
    public string? ClientId => Records.FirstOrDefault(r => r.ClientId is not null)?.ClientId;

    /// <summary>The user: the subject of the trail's consent or of a later record; null before consent.</summary>
    public string? Subject => Records.LastOrDefault(r => r.Subject is not null)?.Subject;

    /// <summary>How the trail ended so far: its last record's outcome.</summary>
    public JarOutcome Outcome => Records[^1].Outcome;

    /// <summary>The rules its last record names (empty when it was accepted).</summary>
    public string RuleIds => Records[^1].RuleIds;

    /// <summary>When the trail began.</summary>
    public DateTimeOffset FirstAt => Records[0].DecidedAt;

    /// <summary>When its last record was written.</summary>
    public DateTimeOffset LastAt => Records[^1].DecidedAt;

    /// <summary>The intent hash the trail carries, when the request was accepted with one.</summary>
    public string? IntentHash => Records.FirstOrDefault(r => r.IntentHash is not null)?.IntentHash;
}
