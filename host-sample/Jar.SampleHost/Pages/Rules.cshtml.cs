using Jar.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jar.SampleHost.Pages;

/// <summary>The rule catalogue: every rule id with its OAuth error, kind and spec clause; the refusal page links to its rows.</summary>
public sealed class RulesModel : PageModel
{
    /// <summary>Reads the rendered catalogue.</summary>
    public RulesModel(RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Catalogue = catalogue.Html;
    }

    /// <summary>The catalogue, rendered from the copy of docs/rules.md in the host.</summary>
    public string Catalogue { get; }
}
