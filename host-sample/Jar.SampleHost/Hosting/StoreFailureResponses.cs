using System.Data.Common;
using System.Text;
using System.Text.Json;
using Jar.SampleHost.Endpoints;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Jar.SampleHost.Hosting;

/// <summary>
/// Fail closed, with an OAuth answer: a database failure that escapes OpenIddict or the authorization endpoint's own
/// step becomes <c>temporarily_unavailable</c> (RFC 6749 §4.1.2.1) in the endpoint's own error shape, never an error
/// page a client cannot read.
/// </summary>
/// <remarks>
/// The JAR engine already refuses a request whose stores fail (rule JAR901) before OpenIddict reads anything, so a
/// database that is down when a request arrives never gets this far. What remains is a database that fails later in
/// the same request (OpenIddict storing a request token or an authorization code, redeeming a code at the token
/// endpoint, the consent step reading the client), which OpenIddict does not catch. At the authorization endpoint
/// the answer is the local error page, never a redirect: the request is not served, and nothing is sent to a
/// redirect URI on the strength of a half-finished request.
/// </remarks>
internal sealed class StoreFailureResponses(RequestDelegate next, ILogger<StoreFailureResponses> logger)
{
    private const string Error = "temporarily_unavailable";
    private const string Description = "The authorization server cannot serve this request right now; try again later.";

    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStoreFailure(e)
            && !http.Response.HasStarted
            && http.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction is { EndpointType: not OpenIddictServerEndpointType.Unknown } transaction)
        {
            SampleHostLog.StoreFailed(logger, e, transaction.EndpointType.ToString(), http.Request.Path.Value ?? string.Empty);
            await WriteAsync(http, transaction.EndpointType).ConfigureAwait(false);
        }
    }

    private static bool IsStoreFailure(Exception e)
    {
        // EF Core wraps a provider's failure (DbUpdateException, or InvalidOperationException from its execution
        // strategy); the provider's own DbException (NpgsqlException, SqliteException, SqlException) is inside.
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is DbException or DbUpdateException)
            {
                return true;
            }
        }

        return false;
    }

    private static Task WriteAsync(HttpContext http, OpenIddictServerEndpointType endpoint)
    {
        if (endpoint == OpenIddictServerEndpointType.Authorization)
        {
            // The same page as every other refusal there.
            return AuthorizationRefusal.WriteAsync(http, Error, Description);
        }

        var response = http.Response;
        response.Clear();

        // The status OpenIddict gives the same error when the engine raises it (JAR901), so a client sees one answer.
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        // RFC 6749 §5.2, RFC 9126 §2.3: the back-channel endpoints answer in JSON.
        response.ContentType = "application/json;charset=UTF-8";
        return response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["error"] = Error,
            ["error_description"] = Description,
        }), Encoding.UTF8, http.RequestAborted);
    }
}
