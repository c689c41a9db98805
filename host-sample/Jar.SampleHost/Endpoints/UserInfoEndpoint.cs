using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Endpoints;

/// <summary>The UserInfo endpoint (OpenID Connect Core §5.3): the claims the access token's scopes allow.</summary>
internal static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext http)
    {
        // OpenIddict has validated the access token before passing the request through.
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)).Principal;
        if (principal?.GetClaim(Claims.Subject) is not { } subject)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = subject };
        if (principal.HasScope(Scopes.Profile) && principal.GetClaim(Claims.Name) is { } name)
        {
            claims[Claims.Name] = name;
        }

        if (principal.HasScope(Scopes.Email) && principal.GetClaim(Claims.Email) is { } email)
        {
            claims[Claims.Email] = email;
        }

        return Results.Ok(claims);
    }
}
