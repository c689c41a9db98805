using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Jar.SampleHost.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Pages.Account;

/// <summary>Signs the demo user in with a cookie.</summary>
public sealed class LoginModel(IOptions<DemoUserSettings> user, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The user name typed.</summary>
    [BindProperty]
    public string? Username { get; set; }

    /// <summary>The password typed.</summary>
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go once signed in (a local URL only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shown when the credentials do not match.</summary>
    public string? Error { get; private set; }

    /// <summary>The demo user name, shown as a hint.</summary>
    public string DemoUsername => user.Value.Username;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the credentials and signs in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var expected = user.Value;
        if (!Matches(Username, expected.Username) | !Matches(Password, expected.Password))
        {
            Error = "Unknown user name or wrong password.";
            return Page();
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, expected.Subject));
        identity.AddClaim(new Claim(Claims.Name, expected.Name ?? expected.Username));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
        SampleHostLog.SignedIn(logger, expected.Subject);

        // Only a local URL: the login page must not become an open redirector.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private static bool Matches(string? typed, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(typed ?? string.Empty)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
