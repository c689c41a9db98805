namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// What <see cref="IJarAuditTrail.SearchAsync"/> looks for. A record matches <see cref="Text"/> when it names it as
/// its client, its user (subject), its outcome, one of its rule ids, one of its token ids, its trail id, or one of its
/// hashes (intent, request object, its own, the previous one); a trail matches when any of its records does, and then
/// comes back whole. All the set criteria must hold.
/// </summary>
public sealed record JarTrailSearch
{
    /// <summary>The most trails a search returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>The free text, matched exactly (rule ids and outcomes in any case); null or blank matches every record.</summary>
    public string? Text { get; init; }

    /// <summary>Only trails whose last record has this outcome.</summary>
    public JarOutcome? Outcome { get; init; }

    /// <summary>Only trails with a record of this client.</summary>
    public string? ClientId { get; init; }

    /// <summary>Only trails with a record of this request object (lower-case hex SHA-256).</summary>
    public string? RequestObjectHash { get; init; }

    /// <summary>How many trails, newest first (by their newest matching record); at most <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;
}
