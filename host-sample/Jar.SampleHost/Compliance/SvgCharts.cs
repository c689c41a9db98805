using System.Globalization;
using System.Net;
using System.Text;

namespace Jar.SampleHost.Compliance;

/// <summary>
/// Charts drawn on the server as inline SVG: no script, no CDN, nothing fetched by the browser. Each bar carries a
/// title (its value) so the chart is readable without colour.
/// </summary>
internal static class SvgCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Refusals per day, stacked by rule, over the whole period (days without refusals show as gaps).</summary>
    public static string RefusalsPerRuleOverTime(IReadOnlyList<(DateOnly Day, string Rule, int Count)> data, DateOnly lastDay, int days)
    {
        const int width = 720, height = 260, left = 40, bottom = 40, top = 10;
        var rules = data.Select(d => d.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        var firstDay = lastDay.AddDays(1 - days);
        var totals = Enumerable.Range(0, days).Select(i => data.Where(d => d.Day == firstDay.AddDays(i)).Sum(d => d.Count)).ToList();
        var max = Math.Max(1, totals.Max());
        var barWidth = (width - left - 10) / (double)days;
        var plotHeight = height - bottom - top;
        var svg = Open("refusals-per-rule", width, height + (rules.Count * 18), "Refusals per rule over time");
        Axis(svg, left, top, width, plotHeight, max);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.AddDays(i);
            var y = (double)(top + plotHeight);
            foreach (var (rule, index) in rules.Select((r, k) => (r, k)))
            {
                var count = data.Where(d => d.Day == day && d.Rule == rule).Sum(d => d.Count);
                if (count == 0)
                {
                    continue;
                }

                var h = count * plotHeight / (double)max;
                y -= h;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-rule=\"{Encode(rule)}\" x=\"{left + (i * barWidth) + 1:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, barWidth - 2):0.#}\" height=\"{h:0.#}\" fill=\"{Palette[index % Palette.Length]}\"><title>{day:yyyy-MM-dd} {Encode(rule)}: {count}</title></rect>");
            }

            if (i % Math.Max(1, days / 7) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (i * barWidth):0.#}\" y=\"{height - bottom + 16}\" font-size=\"11\">{day:MM-dd}</text>");
            }
        }

        foreach (var (rule, index) in rules.Select((r, k) => (r, k)))
        {
            var y = height + (index * 18);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y - 10}\" width=\"12\" height=\"12\" fill=\"{Palette[index % Palette.Length]}\"/><text x=\"{left + 18}\" y=\"{y}\" font-size=\"12\">{Encode(rule)}</text>");
        }

        if (rules.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 10}\" y=\"{top + 20}\" font-size=\"13\">No refusals in the period.</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Refusals per client, one horizontal bar each.</summary>
    public static string RefusalsPerClient(IReadOnlyDictionary<string, int> data)
    {
        const int width = 720, left = 160, rowHeight = 24;
        var rows = data.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var height = Math.Max(1, rows.Count) * rowHeight + 20;
        var max = Math.Max(1, rows.Count == 0 ? 0 : rows.Max(r => r.Value));
        var svg = Open("refusals-per-client", width, height, "Refusals per client");
        foreach (var (row, index) in rows.Select((r, k) => (r, k)))
        {
            var y = 10 + (index * rowHeight);
            var w = row.Value * (width - left - 60) / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 15}\" font-size=\"12\" text-anchor=\"end\">{Encode(row.Key)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-client=\"{Encode(row.Key)}\" x=\"{left}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{rowHeight - 6}\" fill=\"{Palette[1]}\"><title>{Encode(row.Key)}: {row.Value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + w + 6:0.#}\" y=\"{y + 14}\" font-size=\"12\">{row.Value}</text>");
        }

        if (rows.Count == 0)
        {
            svg.Append("<text x=\"10\" y=\"24\" font-size=\"13\">No refusals in the period.</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, int width, int height, string title) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{title}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{title}</title>");

    private static void Axis(StringBuilder svg, int left, int top, int width, int plotHeight, int max) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{width - 10}\" y2=\"{top + plotHeight}\" stroke=\"#333\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{top + plotHeight}\" stroke=\"#333\"/><text x=\"{left - 6}\" y=\"{top + 10}\" font-size=\"11\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{top + plotHeight}\" font-size=\"11\" text-anchor=\"end\">0</text>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
