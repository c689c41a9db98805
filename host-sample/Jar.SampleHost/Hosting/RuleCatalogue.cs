using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Jar.SampleHost.Hosting;

/// <summary>
/// The rule catalogue (docs/rules.md, embedded in the assembly at build time) as HTML for the <c>/rules</c> page:
/// every row of a rule carries its id as the element id, so <c>/rules#JAR205</c> lands on it.
/// </summary>
public sealed partial class RuleCatalogue
{
    /// <summary>The embedded resource.</summary>
    public const string ResourceName = "Jar.SampleHost.rules.md";

    private readonly Lazy<string> _html = new(Render);

    /// <summary>The catalogue as an HTML fragment.</summary>
    public string Html => _html.Value;

    private static string Render()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no {ResourceName}; the project embeds docs/rules.md.");
        using var reader = new StreamReader(stream);
        var markdown = reader.ReadToEnd();

        // Raw HTML in the file is shown as text: the page renders what the catalogue says, nothing it could inject.
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();
        var document = Markdown.Parse(markdown, pipeline);
        foreach (var row in document.Descendants<TableRow>())
        {
            if (row.Count > 0 && row[0] is TableCell cell && RuleId().IsMatch(Text(cell)))
            {
                row.GetAttributes().Id = Text(cell);
            }
        }

        return document.ToHtml(pipeline);
    }

    private static string Text(TableCell cell) =>
        string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    [GeneratedRegex(@"^JAR\d{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleId();
}
