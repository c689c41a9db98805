using Jar.SampleHost.Demo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jar.SampleHost.Pages;

/// <summary>
/// The demo clients' redirect URI, served by the host itself: shows the authorization response, and redeems the code
/// with the client's credentials and the PKCE verifier kept for its state.
/// </summary>
public sealed class CallbackModel(DemoClients clients, PendingAuthorizationStore pending) : PageModel
{
    /// <summary>The authorization code.</summary>
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    /// <summary>The state sent with the request.</summary>
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    /// <summary>The issuer that answered (RFC 9207).</summary>
    [BindProperty(SupportsGet = true, Name = "iss")]
    public string? Issuer { get; set; }

    /// <summary>The error, when the request was refused.</summary>
    [BindProperty(SupportsGet = true, Name = "error")]
    public string? Error { get; set; }

    /// <summary>The error's description.</summary>
    [BindProperty(SupportsGet = true, Name = "error_description")]
    public string? ErrorDescription { get; set; }

    /// <summary>The client whose request this answers, when the demo client started it.</summary>
    public string? ClientId { get; private set; }

    /// <summary>The token endpoint's answer, once redeemed.</summary>
    public DemoTokenResponse? Token { get; private set; }

    /// <summary>Why the code could not be redeemed.</summary>
    public string? RedeemError { get; private set; }

    /// <summary>Shows the authorization response.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ClientId = State is null ? null : (await pending.FindAsync(State, cancellationToken).ConfigureAwait(false))?.ClientId;
    }

    /// <summary>Redeems the code at the token endpoint.</summary>
    public async Task OnPostRedeemAsync(CancellationToken cancellationToken)
    {
        if (Code is null || State is null)
        {
            RedeemError = "There is no code and state to redeem.";
            return;
        }

        ClientId = (await pending.FindAsync(State, cancellationToken).ConfigureAwait(false))?.ClientId;
        try
        {
            Token = await clients.RedeemAsync(State, Code, Issuer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DemoClientException or HttpRequestException)
        {
            RedeemError = e.Message;
        }
    }
}
