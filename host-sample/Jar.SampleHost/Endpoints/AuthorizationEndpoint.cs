using System.Security.Claims;
using Jar.IdentityServer.Extensions.OpenIddict;
using Jar.SampleHost.Hosting;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Endpoints;

/// <summary>
/// The authorization endpoint's own step, reached only once OpenIddict and the JAR engine have accepted the request
/// (passthrough): sign the user in, ask for consent, then issue the code or answer <c>access_denied</c>.
/// </summary>
internal static class AuthorizationEndpoint
{
    /// <summary>The form field carrying the user's decision from the consent page.</summary>
    public const string DecisionField = "consent";

    /// <summary>The decision that grants the request.</summary>
    public const string Allow = "allow";

    /// <summary>The decision that refuses it.</summary>
    public const string Deny = "deny";

    private const string AntiforgeryField = "__RequestVerificationToken";

    public static IEndpointRouteBuilder MapAuthorizationEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOpenIddictApplicationManager applications,
        ConsentTickets tickets,
        IAntiforgery antiforgery,
        IOptions<DemoUserSettings> user,
        ILoggerFactory loggers)
    {
        // A refusal OpenIddict handed over (RefusalHandoff): answered here, never redirected.
        if (http.GetOpenIddictServerResponse() is { Error: { Length: > 0 } error } refused)
        {
            await AuthorizationRefusal.WriteAsync(http, error, refused.ErrorDescription, refused.ErrorUri).ConfigureAwait(false);
            return Results.Empty;
        }

        var logger = loggers.CreateLogger(typeof(AuthorizationEndpoint).FullName!);
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var parameters = await OwnParametersAsync(http).ConfigureAwait(false);
        var login = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (login.Principal?.FindFirst(Claims.Subject)?.Value is not { } subject)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // With request caching on, the URL here is client_id + request_uri: a request object is never resent
            // (its jti stays single-use, RFC 9101 §10.2) and the query stays short.
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        var decision = http.Request.HasFormContentType ? (string?)http.Request.Form[DecisionField] : null;
        if (decision is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, "The user has not consented yet.");
            }

            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The client application cannot be found.");
            var trail = http.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction?.GetJarTrail();
            var ticket = new ConsentTicket(
                subject,
                request.ClientId!,
                await applications.GetLocalizedDisplayNameAsync(application, http.RequestAborted).ConfigureAwait(false) ?? request.ClientId!,
                [.. request.GetScopes()],
                request.RedirectUri,
                parameters,
                trail?.TrailId,
                trail?.IntentHash,
                trail?.RequestObjectHash);
            return Results.Redirect("/Consent?ticket=" + Uri.EscapeDataString(tickets.Protect(ticket)));
        }

        // The decision is a state-changing post from this host's own consent page only.
        if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return Results.BadRequest("The consent form has expired; start the authorization again.");
        }

        SampleHostLog.ConsentGiven(logger, subject, decision == Allow ? "allowed" : "denied", request.ClientId);
        if (decision != Allow)
        {
            // RFC 6749 §4.1.2.1: the resource owner denied the request; OpenIddict redirects it with state and iss.
            return Refuse(Errors.AccessDenied, "The user denied the authorization request.");
        }

        return Results.SignIn(Principal(request, login.Principal, user.Value), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static ClaimsPrincipal Principal(OpenIddictRequest request, ClaimsPrincipal login, DemoUserSettings user)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, login.FindFirst(Claims.Subject)!.Value)
            .SetClaim(Claims.Name, login.FindFirst(Claims.Name)?.Value ?? user.Name);
        if (request.HasScope(Scopes.Email) && user.Email is { } email)
        {
            identity.SetClaim(Claims.Email, email);
        }

        // The scopes granted are the scopes requested: inside the signed request object when there was one, already
        // checked against the client's permissions and its JAR policy's ceiling.
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    // The parameters as the client sent them (query or form), without this host's own consent fields.
    private static async Task<Dictionary<string, string>> OwnParametersAsync(HttpContext http)
    {
        var source = http.Request.HasFormContentType
            ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false)
            : http.Request.Query;
        return source
            .Where(p => p.Key is not (DecisionField or AntiforgeryField))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    }
}
