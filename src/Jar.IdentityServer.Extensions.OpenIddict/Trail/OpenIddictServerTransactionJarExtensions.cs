using OpenIddict.Server;

namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>Reads the JAR trail of the request OpenIddict is processing.</summary>
public static class OpenIddictServerTransactionJarExtensions
{
    /// <summary>
    /// The trail of the authorization request in <paramref name="transaction"/>, once the JAR engine (or, for a
    /// <c>request_uri</c>, the request token OpenIddict restored) accepted it; null before that, or for a request the
    /// engine did not see. A passthrough authorization endpoint reads it from
    /// <c>HttpContext.Features.Get&lt;OpenIddictServerAspNetCoreFeature&gt;().Transaction</c>.
    /// </summary>
    public static JarRequestTrail? GetJarTrail(this OpenIddictServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return Trail.TrailContext.Of(transaction) is { } carried
            ? new JarRequestTrail(carried.TrailId, carried.IntentHash, carried.RequestObjectHash)
            : null;
    }
}
