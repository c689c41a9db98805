using System.Text.Encodings.Web;
using Jar.IdentityServer.Extensions.Client.AspNetCore;
using Jar.IdentityServer.Extensions.Client.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Jar.SampleClient;

/// <summary>
/// The sample relying party: signs in against the sample host with ASP.NET Core's OpenID Connect handler and
/// <see cref="OpenIdConnectOptionsJarExtensions.UseSignedRequestObjects"/>, then shows the ID token's claims.
/// </summary>
public sealed class SampleClientApp
{
    private SampleClientApp()
    {
    }

    /// <summary>Runs the app.</summary>
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = builder.Configuration.GetSection("SampleClient").Get<SampleClientSettings>() ?? new SampleClientSettings();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(settings, new(settings), validateAllProperties: true);
        var keys = new ClientKeySet(LoadKey(Path.Combine(builder.Environment.ContentRootPath, settings.PrivateKey)));

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                // The sample host runs on the same machine, and cookies do not tell ports apart.
                options.Cookie.Name = "jar-sample-client";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority!.AbsoluteUri;
                options.ClientId = settings.ClientId;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.PushedAuthorizationBehavior = settings.PushedAuthorization;
                options.Scope.Clear();
                foreach (var scope in settings.Scopes)
                {
                    options.Scope.Add(scope);
                }

                options.SaveTokens = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.DisableTelemetry = true;

                // Loopback HTTP for the demo only, as the sample host allows it there.
                options.RequireHttpsMetadata = settings.Authority.Scheme == Uri.UriSchemeHttps;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;

                options.UseSignedRequestObjects(jar =>
                {
                    jar.Keys = keys;
                    jar.Encryption = settings.Encryption;
                });
            });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", (Func<HttpContext, Task<IResult>>)Home);
        app.MapGet("/signin", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/" }));
        app.MapPost("/signout", (Func<HttpContext, Task<IResult>>)SignOut);
        app.MapClientJwks("/.well-known/jwks.json", () => keys);
        await app.RunAsync().ConfigureAwait(false);
    }

    private static async Task<IResult> SignOut(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return Results.Redirect("/");
    }

    private static ClientSigningKey LoadKey(string path) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) ? ClientSigningKey.FromPemFile(path) : ClientSigningKey.FromJwkFile(path);

    private static async Task<IResult> Home(HttpContext context)
    {
        var html = HtmlEncoder.Default;
        var body = new System.Text.StringBuilder();
        if (context.User.Identity?.IsAuthenticated != true)
        {
            body.Append("<p id=\"signed-out\">Not signed in.</p><p><a id=\"signin\" href=\"/signin\">Sign in with the sample host</a></p>");
        }
        else
        {
            var idToken = await context.GetTokenAsync("id_token").ConfigureAwait(false);
            body.Append("<p id=\"signed-in\">Signed in as <strong>").Append(html.Encode(context.User.FindFirst("sub")?.Value ?? "?")).Append("</strong>.</p>");
            body.Append("<h2>ID token claims</h2><table id=\"claims\"><tr><th>claim</th><th>value</th></tr>");
            foreach (var claim in idToken is null ? [] : new JsonWebToken(idToken).Claims)
            {
                body.Append("<tr><td class=\"type\">").Append(html.Encode(claim.Type)).Append("</td><td class=\"value\">").Append(html.Encode(claim.Value)).Append("</td></tr>");
            }

            body.Append("</table><form method=\"post\" action=\"/signout\"><button id=\"signout\">Sign out</button></form>");
        }

        return Results.Content(
            $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Jar sample client</title></head><body><h1>Jar sample client</h1>{body}</body></html>",
            "text/html; charset=utf-8");
    }
}
