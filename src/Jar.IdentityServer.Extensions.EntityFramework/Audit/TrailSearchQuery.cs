using System.Text.RegularExpressions;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The records a <see cref="JarTrailSearch"/> matches, as one database query: equality on the identifiers and hashes,
/// and a whole-item match inside the comma-separated rule ids and token ids. Nothing is evaluated on the client, so it
/// translates on every provider the stores support (SQLite, PostgreSQL, SQL Server).
/// </summary>
internal static partial class TrailSearchQuery
{
    /// <summary>
    /// How many of the newest matching records a search groups into trails. Bounds the work of one search: a trail
    /// has a handful of records, so this window holds far more than <see cref="JarTrailSearch.MaxLimit"/> trails.
    /// </summary>
    public const int WindowSize = 5_000;

    /// <summary>
    /// Whether any stored record could match: a value longer than the widest column, or holding a NUL character
    /// (which PostgreSQL's text cannot hold, and the database would refuse as a parameter), matches nothing.
    /// </summary>
    public static bool CanMatch(JarTrailSearch search) =>
        new[] { search.Text, search.ClientId, search.RequestObjectHash }.All(v => v is null || (v.Length <= JarDecisionRecord.MaxTextLength && !v.Contains('\0', StringComparison.Ordinal)));

    public static IQueryable<JarDecisionRecord> Matching(IQueryable<JarDecisionRecord> all, JarTrailSearch search)
    {
        var records = all;
        if (!string.IsNullOrEmpty(search.ClientId))
        {
            var client = search.ClientId;
            records = records.Where(r => r.ClientId == client);
        }

        if (!string.IsNullOrEmpty(search.RequestObjectHash))
        {
            var objectHash = search.RequestObjectHash.ToLowerInvariant();
            records = records.Where(r => r.RequestObjectHash == objectHash);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            var hex = text.ToLowerInvariant();

            // Rule ids are upper case (JAR205); the lists are matched item by item, so JAR20 never finds JAR205.
            var ruleItem = "," + text.ToUpperInvariant() + ",";
            var tokenItem = "," + text + ",";

            // An outcome by name, in any case; a number is not a name.
            var isOutcome = OutcomeName().IsMatch(text) && Enum.TryParse<JarOutcome>(text, ignoreCase: true, out _);
            var outcome = isOutcome ? Enum.Parse<JarOutcome>(text, ignoreCase: true) : default;
            records = records.Where(r =>
                r.ClientId == text || r.Subject == text || r.TrailId == hex ||
                r.IntentHash == text || r.Hash == text || r.PreviousHash == text || r.RequestObjectHash == hex ||
                ("," + r.RuleIds + ",").Contains(ruleItem) ||
                (r.TokenIds != null && ("," + r.TokenIds + ",").Contains(tokenItem)) ||
                (isOutcome && r.Outcome == outcome));
        }

        if (search.Outcome is { } final)
        {
            // The trail's last record has the outcome: a record of such a trail, or a single record without a trail.
            records = records.Where(r => r.TrailId == null
                ? r.Outcome == final
                : all.Any(last => last.TrailId == r.TrailId && last.Outcome == final && !all.Any(later => later.TrailId == r.TrailId && later.Id > last.Id)));
        }

        return records;
    }

    /// <summary>The ids of the newest trails among the newest matching records.</summary>
    public static IQueryable<string> NewestTrailIds(IQueryable<JarDecisionRecord> all, JarTrailSearch search, int limit) =>
        Window(all, search).Where(r => r.TrailId != null).GroupBy(r => r.TrailId)
            .Select(g => new { TrailId = g.Key!, Newest = g.Max(r => r.Id) })
            .OrderByDescending(t => t.Newest).Take(limit).Select(t => t.TrailId);

    /// <summary>The newest matching records that belong to no trail.</summary>
    public static IQueryable<JarDecisionRecord> NewestRecordsWithoutTrail(IQueryable<JarDecisionRecord> all, JarTrailSearch search, int limit) =>
        Window(all, search).Where(r => r.TrailId == null).OrderByDescending(r => r.Id).Take(limit);

    /// <summary>Every record of these trails.</summary>
    public static IQueryable<JarDecisionRecord> RecordsOf(IQueryable<JarDecisionRecord> all, IReadOnlyCollection<string> trailIds) =>
        all.Where(r => trailIds.Contains(r.TrailId!));

    private static IQueryable<JarDecisionRecord> Window(IQueryable<JarDecisionRecord> all, JarTrailSearch search) =>
        Matching(all, search).OrderByDescending(r => r.Id).Take(WindowSize);

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex OutcomeName();
}
