using System.Text;

namespace Jar.IdentityServer.Extensions.Client.Keys;

/// <summary>
/// The client's public JWKS as an HTTP resource, for any host (HttpListener, a serverless function, a static file
/// export): the body, its media type and how long a server may cache it.
/// </summary>
/// <param name="Json">The JWK set: public members only.</param>
/// <param name="MaxAge">How long a cache may keep it; shorter than the lead time of a rotation.</param>
public sealed record ClientJwksDocument(string Json, TimeSpan MaxAge)
{
    /// <summary>The media type of a JWK set (RFC 7517 §8.5.1).</summary>
    public const string ContentType = "application/jwk-set+json";

    /// <summary>The <c>Cache-Control</c> header value.</summary>
    public string CacheControl => FormattableString.Invariant($"public, max-age={(long)MaxAge.TotalSeconds}");

    /// <summary>The document of <paramref name="keys"/>, cacheable for <paramref name="maxAge"/> (default 5 minutes).</summary>
    /// <param name="keys">The client's keys.</param>
    /// <param name="maxAge">The cache lifetime.</param>
    public static ClientJwksDocument From(ClientKeySet keys, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new ClientJwksDocument(keys.ToPublicJwks(), maxAge ?? TimeSpan.FromMinutes(5));
    }

    /// <summary>Writes the JSON body, UTF-8, to <paramref name="body"/>.</summary>
    /// <param name="body">The response stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteToAsync(Stream body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        await body.WriteAsync(Encoding.UTF8.GetBytes(Json), cancellationToken).ConfigureAwait(false);
    }
}
