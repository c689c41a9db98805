using System.Globalization;
using System.Text;

namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>The lint report as a table for people: one finding a line, then the fix of each rule that fired, then the totals.</summary>
public static class JarLintText
{
    /// <summary>Writes the report as text.</summary>
    public static string Write(JarLintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var rows = report.Findings
            .Select(f => new[] { Level(f.Severity), f.Rule.Id, f.Subject, f.Setting, f.Message })
            .Prepend(["SEVERITY", "RULE", "SUBJECT", "SETTING", "MESSAGE"])
            .ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        if (report.Findings.Count > 0)
        {
            foreach (var row in rows)
            {
                text.AppendJoin("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i]))).Append("  ").AppendLine(row[4]);
            }

            text.AppendLine().AppendLine("Fixes:");
            foreach (var rule in report.Findings.Select(f => f.Rule).Distinct())
            {
                text.Append(CultureInfo.InvariantCulture, $"  {rule.Id} {rule.Name}: {rule.Fix} ({rule.Guidance})").AppendLine();
            }

            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{report.ClientCount} clients linted: {report.Count(JarLintSeverity.Error)} errors, {report.Count(JarLintSeverity.Warning)} warnings, {report.Count(JarLintSeverity.Note)} notes.")
            .AppendLine();
        return text.ToString();
    }

    /// <summary>The severity as SARIF writes it: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
    public static string Level(JarLintSeverity severity) => severity switch
    {
        JarLintSeverity.Error => "error",
        JarLintSeverity.Warning => "warning",
        _ => "note",
    };
}
