using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Pages;

/// <summary>
/// The audit trail, read-only: the latest decision records of the JAR engine (table <c>JarDecisionRecords</c>), newest
/// first, optionally for one client. Signed-in users only: the demo's one user stands for the operator here.
/// </summary>
[Authorize]
public sealed class DecisionsModel(AppDbContext database) : PageModel
{
    /// <summary>How many records the page shows.</summary>
    public const int PageSize = 100;

    /// <summary>Only this client's records, when set.</summary>
    [BindProperty(SupportsGet = true, Name = "client")]
    public string? Client { get; set; }

    /// <summary>Only the records of this request object (its SHA-256, hex), when set: the refusal page links here.</summary>
    [BindProperty(SupportsGet = true, Name = "object")]
    public string? RequestObjectHash { get; set; }

    /// <summary>The records shown, newest first.</summary>
    public IReadOnlyList<JarDecisionRecord> Records { get; private set; } = [];

    /// <summary>Builds the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var records = database.Set<JarDecisionRecord>().AsNoTracking();
        if (!string.IsNullOrEmpty(Client))
        {
            records = records.Where(r => r.ClientId == Client);
        }

        if (!string.IsNullOrEmpty(RequestObjectHash))
        {
            records = records.Where(r => r.RequestObjectHash == RequestObjectHash);
        }

        // The identity grows with every insert, so it orders by arrival on every provider.
        Records = await records.OrderByDescending(r => r.Id).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
