using Jar.IdentityServer.Extensions.Client.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jar.IdentityServer.Extensions.Client.AspNetCore;

/// <summary>Serves the client's public JWKS, for servers that read a client's keys from its <c>jwks_uri</c>.</summary>
public static class ClientJwksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GET <paramref name="pattern"/> to the public JWKS of the keys <paramref name="keys"/> returns on each
    /// request (so a rotated set is served at once), as <c>application/jwk-set+json</c>, cacheable for
    /// <paramref name="maxAge"/> (default 5 minutes).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/.well-known/jwks.json</c>.</param>
    /// <param name="keys">The current key set.</param>
    /// <param name="maxAge">How long a server may cache the document.</param>
    /// <returns>The endpoint, to add metadata to.</returns>
    public static IEndpointConventionBuilder MapClientJwks(this IEndpointRouteBuilder endpoints, string pattern, Func<ClientKeySet> keys, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(keys);
        return endpoints.MapGet(pattern, async (HttpContext context) =>
        {
            var document = ClientJwksDocument.From(keys(), maxAge);
            context.Response.ContentType = ClientJwksDocument.ContentType;
            context.Response.Headers.CacheControl = document.CacheControl;
            await document.WriteToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
    }
}
