using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jar.IdentityServer.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Net.Http.Headers;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Jar.SampleHost.Endpoints;

/// <summary>
/// The answer to an authorization request the host refuses without redirecting it (the request was not proven, RFC
/// 6749 §4.1.2.1): status 400, never a redirect, and no <c>state</c>. A person gets an HTML page that says what was
/// refused, the OAuth error, the rule (linked to its row of the rule catalogue at <c>/rules</c>), the client, the
/// request id to find it in the log, and, signed in, a link to the decision record. A client that asks for
/// <c>application/json</c> gets the OAuth error object (RFC 6749 §5.2 shape) with <c>error_uri</c> naming the rule.
/// </summary>
internal static partial class AuthorizationRefusal
{
    /// <summary>The attribute that marks each OAuth parameter on the page, for scripts and tests that read it.</summary>
    public const string ParameterAttribute = "data-oauth";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>Writes the answer to the refused request of <paramref name="http"/>.</summary>
    /// <param name="http">The request refused.</param>
    /// <param name="error">The OAuth error code.</param>
    /// <param name="description">The description, ending with the rule id when a rule refused it.</param>
    /// <param name="errorUri">The page OpenIddict names for its own errors; without it, the rule's row.</param>
    public static async Task WriteAsync(HttpContext http, string error, string? description, string? errorUri = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var transaction = http.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction;
        var decision = transaction?.GetProperty<JarDecision>(typeof(JarDecision).FullName!);
        var rule = RuleOf(description);
        var ownErrorUri = errorUri;
        errorUri ??= rule is null ? null : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/rules#{rule}";
        var clientId = decision?.ClientId ?? transaction?.Request?.ClientId ?? (string?)http.Request.Query["client_id"];
        var requestId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

        var response = http.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (WantsJson(http.Request))
        {
            response.ContentType = "application/json;charset=UTF-8";
            var body = new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = error };
            if (description is not null)
            {
                body["error_description"] = description;
            }

            if (errorUri is not null)
            {
                body["error_uri"] = errorUri;
            }

            await response.WriteAsync(JsonSerializer.Serialize(body), Encoding.UTF8, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The record link is for the operator, who is signed in; the page itself says nothing a client did not send.
        var signedIn = (await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false)).Succeeded;
        var record = decision is null ? null
            : "/decisions?client=" + Uri.EscapeDataString(decision.ClientId ?? string.Empty)
                + (decision.RequestObjectHash is { } hash ? "&object=" + hash : string.Empty);
        response.ContentType = "text/html; charset=utf-8";
        // The page loads nothing but the host's stylesheet and runs no script.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'";
        await response.WriteAsync(Page(error, description, rule, ownErrorUri, clientId, requestId, signedIn, record), Encoding.UTF8, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The rule id at the end of an error description (<c>… (rule JAR205)</c>), as the engine and the adapter write it.</summary>
    public static string? RuleOf(string? description) =>
        description is not null && RuleSuffix().Match(description) is { Success: true } match ? match.Groups[1].Value : null;

    // JSON only for a client that asks for it and does not prefer a page: a browser always lists text/html.
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = accept.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return json > 0 && json >= html;
    }

    private static string Page(string error, string? description, string? rule, string? errorUri, string? clientId, string requestId, bool signedIn, string? record)
    {
        var known = rule is null ? null : JarRules.All.FirstOrDefault(r => r.Id == rule);
        var page = new StringBuilder();
        page.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Authorization request refused · JAR sample host</title>
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <header><a class="brand" href="/">JAR sample host</a><nav><a href="/policies">Policies</a><a href="/decisions">Decisions</a><a href="/rules">Rules</a></nav></header>
                <main>
                <h1 class="error">Authorization request refused</h1>
            """);
        page.Append("<p id=\"what\">The authorization server refused ")
            .Append(clientId is null ? "this authorization request" : $"the authorization request of <code>{Html.Encode(clientId)}</code>")
            .Append(". It was not shown for sign-in or consent, and nothing was sent back to the application: a request that cannot be trusted is never redirected (RFC 6749 §4.1.2.1). Tell the application's developers, with the details below.</p>\n");
        page.Append("<div class=\"card\" role=\"alert\"><dl>\n");
        Row(page, "Error", "error", $"<code>{Html.Encode(error)}</code>");
        if (description is not null)
        {
            Row(page, "Description", "error_description", Html.Encode(description));
        }

        if (rule is not null)
        {
            var name = known is null ? string.Empty : $" {Html.Encode(known.Name)} ({Html.Encode(known.Spec)})";
            Row(page, "Rule", "rule", $"<a id=\"rule-link\" href=\"/rules#{Html.Encode(rule)}\"><code>{Html.Encode(rule)}</code></a>{name}");
        }

        // OpenIddict's own page for its error (a request_uri it could not restore, ...), beside the rule that names it.
        if (errorUri is not null)
        {
            Row(page, "About this error", "error_uri", $"<a href=\"{Html.Encode(errorUri)}\">{Html.Encode(errorUri)}</a>");
        }

        if (clientId is not null)
        {
            Row(page, "Client", "client_id", $"<code>{Html.Encode(clientId)}</code>");
        }

        Row(page, "Request id", "request_id", $"<code>{Html.Encode(requestId)}</code> (the trace id of the host's log lines for this request)");
        page.Append("</dl></div>\n");
        if (record is null)
        {
            page.Append("<p class=\"muted\">OpenIddict refused this request before the JAR engine decided it, so it has no decision record.</p>\n");
        }
        else if (signedIn)
        {
            page.Append($"<p><a id=\"record-link\" href=\"{Html.Encode(record)}\">The decision record</a> of this request.</p>\n");
        }
        else
        {
            page.Append($"<p class=\"muted\">Operators: <a href=\"/Account/Login?ReturnUrl={Html.Encode(Uri.EscapeDataString(record))}\">sign in</a> to see the decision record of this request.</p>\n");
        }

        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void Row(StringBuilder page, string label, string parameter, string html) =>
        page.Append($"<dt>{label}</dt><dd {ParameterAttribute}=\"{parameter}\">{html}</dd>\n");

    [GeneratedRegex(@"\(rule (JAR\d{3})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleSuffix();
}
