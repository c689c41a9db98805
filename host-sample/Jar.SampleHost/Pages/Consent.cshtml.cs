using System.Data.Common;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Pages;

/// <summary>
/// Asks the signed-in user to allow or deny a client's request. The decision is posted to the authorization
/// endpoint, which issues the code or answers <c>access_denied</c>.
/// </summary>
public sealed class ConsentModel(ConsentTickets tickets, IJarAuditTrail audit) : PageModel
{
    /// <summary>The request to decide on.</summary>
    public ConsentTicket? Ticket { get; private set; }

    /// <summary>
    /// The record that accepted the signed request object (its kid and alg), from the request's trail; null for a
    /// plain request.
    /// </summary>
    public JarDecisionRecord? Verified { get; private set; }

    /// <summary>Where the decision is posted.</summary>
    public static string AuthorizationEndpointPath => "/connect/authorize";

    /// <summary>The name of the decision field.</summary>
    public static string DecisionField => AuthorizationEndpoint.DecisionField;

    /// <summary>The value that allows.</summary>
    public static string Allow => AuthorizationEndpoint.Allow;

    /// <summary>The value that denies.</summary>
    public static string Deny => AuthorizationEndpoint.Deny;

    /// <summary>Shows the request, or a 400 when the ticket is not valid for this user.</summary>
    public async Task<IActionResult> OnGetAsync(string? ticket, CancellationToken cancellationToken)
    {
        Ticket = tickets.Unprotect(ticket);

        // A ticket is only for the user it was made for: no one decides on someone else's request.
        if (Ticket is null || User.FindFirst(Claims.Subject)?.Value != Ticket.Subject)
        {
            Ticket = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The key and algorithm are those the engine verified the object with, as its accepting record holds them.
        if (Ticket is { TrailId: { } trailId, RequestObjectHash: { } objectHash })
        {
            try
            {
                Verified = (await audit.FindTrailAsync(trailId, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(r => r.TrailId == trailId && r.RequestObjectHash == objectHash && r.KeyId is not null && r.Outcome != JarOutcome.Refused);
            }
            catch (DbException)
            {
                // Fail closed: no consent is asked for without the proof of what was signed. The request stays
                // cached; the user can come back to it once the store answers.
                return new ContentResult
                {
                    StatusCode = StatusCodes.Status503ServiceUnavailable,
                    ContentType = "text/plain; charset=utf-8",
                    Content = "temporarily_unavailable: the decision trail cannot be read right now; try again later.",
                };
            }
        }

        return Page();
    }
}
