using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jar.SampleHost.Pages;

/// <summary>
/// The decision trail, read-only: one row per authorization (its trail), newest first, each opening onto its records
/// in chain order; searchable by client, user, outcome, rule id, any hash or token id. The search runs in the
/// database (<see cref="IJarAuditTrail.SearchAsync"/>). Signed-in users only: the demo's one user stands for the
/// operator here.
/// </summary>
[Authorize]
public sealed class DecisionsModel(IJarAuditTrail audit) : PageModel
{
    /// <summary>How many trails the page shows.</summary>
    public const int PageSize = 50;

    /// <summary>How many leading characters of a hash a cell shows; the whole value is in its title.</summary>
    public const int ShortHashLength = 12;

    /// <summary>The search box: a client id, user, outcome, rule id, hash or token id.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Only trails that ended with this outcome, when set.</summary>
    [BindProperty(SupportsGet = true, Name = "outcome")]
    public JarOutcome? Outcome { get; set; }

    /// <summary>Only this client's trails, when set.</summary>
    [BindProperty(SupportsGet = true, Name = "client")]
    public string? Client { get; set; }

    /// <summary>Only the trails of this request object (its SHA-256, hex), when set: the refusal page links here.</summary>
    [BindProperty(SupportsGet = true, Name = "object")]
    public string? RequestObjectHash { get; set; }

    /// <summary>The trails shown, newest first.</summary>
    public IReadOnlyList<JarTrail> Trails { get; private set; } = [];

    /// <summary>Whether any criterion is set.</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Query) || Outcome is not null || !string.IsNullOrEmpty(Client) || !string.IsNullOrEmpty(RequestObjectHash);

    /// <summary>Builds the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Trails = await audit.SearchAsync(
            new JarTrailSearch { Text = Query, Outcome = Outcome, ClientId = Client, RequestObjectHash = RequestObjectHash, Limit = PageSize },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The leading characters of a hash, for a narrow cell.</summary>
    public static string Shortened(string hash) => hash.Length <= ShortHashLength ? hash : hash[..ShortHashLength] + "\u2026";

    /// <summary>A time as the page shows it (UTC).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
