using Jar.SampleHost.Compliance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jar.SampleHost.Pages;

/// <summary>
/// The compliance report with its charts (inline SVG drawn on the server, no script): per client, each control with
/// its evidence, the lint findings and the recent decisions. Signed-in users only, as /decisions.
/// </summary>
[Authorize]
internal sealed class ComplianceModel(ComplianceReportBuilder builder) : PageModel
{
    /// <summary>Only this client, when set.</summary>
    [BindProperty(SupportsGet = true, Name = "client")]
    public string? Client { get; set; }

    /// <summary>How many days of decisions (1 to 366; 30 by default).</summary>
    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = 30;

    /// <summary>The report's HTML, encoded where it holds data.</summary>
    public string Body { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Days = Math.Clamp(Days, 1, 366);
        var client = string.IsNullOrWhiteSpace(Client) ? null : Client;
        Body = ComplianceHtml.Body(await builder.BuildAsync(client, Days, cancellationToken).ConfigureAwait(false));
    }
}
