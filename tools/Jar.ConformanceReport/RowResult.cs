namespace Jar.ConformanceReport;

/// <summary>A catalogue row with the tests tagged with it, and what their run says about it.</summary>
internal sealed record RowResult(CatalogueRow Row, IReadOnlyList<(RowTag Tag, TestOutcome? Outcome)> Tests)
{
    public string Verdict =>
        Tests.Count == 0 ? "not covered"
        : Tests.Any(t => t.Outcome is { Failed: > 0 }) ? "failed"
        : Tests.Any(t => t.Outcome is null || t.Outcome.Passed < t.Outcome.Total) ? "not run"
        : Tests.Any(t => t.Tag.Differs is not null) ? "differs"
        : "passed";

    public static IReadOnlyList<RowResult> Join(IReadOnlyList<CatalogueRow> rows, IReadOnlyList<RowTag> tags, TrxRun run) =>
        [.. rows.Select(row => new RowResult(row, [.. tags
            .Where(t => t.RowId == row.Id)
            .OrderBy(t => t.Method, StringComparer.Ordinal)
            .Select(t => (t, run.Outcomes.GetValueOrDefault(t.Method)))]))];
}
