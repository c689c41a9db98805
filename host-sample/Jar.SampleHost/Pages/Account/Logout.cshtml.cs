using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jar.SampleHost.Pages.Account;

/// <summary>Signs the demo user out.</summary>
public sealed class LogoutModel : PageModel
{
    /// <summary>Nothing to show: signing out is a post.</summary>
    public IActionResult OnGet() => RedirectToPage("/Index");

    /// <summary>Removes the login cookie.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return RedirectToPage("/Index");
    }
}
