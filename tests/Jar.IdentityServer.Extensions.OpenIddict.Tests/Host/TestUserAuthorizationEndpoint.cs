using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>
/// The authorization endpoint passthrough: whatever OpenIddict has validated is granted at once to a fixed user,
/// with the scopes requested. The tests are about the request checks before this point, not about login.
/// </summary>
internal static class TestUserAuthorizationEndpoint
{
    public const string Subject = "test-user";

    public static void MapTestUserAuthorizationEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], static (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle this request.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, Subject);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(static _ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
}
