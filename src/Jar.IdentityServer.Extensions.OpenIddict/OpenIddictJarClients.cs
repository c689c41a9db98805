using OpenIddict.Abstractions;

namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>Reads a client's registration from OpenIddict's application store into the engine's <see cref="JarClient"/>.</summary>
internal sealed class OpenIddictJarClients(IOpenIddictApplicationManager applications) : IJarClients
{
    public async ValueTask<JarClient?> FindAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return null;
        }

        // The registered key set is the only source of verification keys (RFC 9101 §6.2). Microsoft.IdentityModel
        // caches its crypto providers by key thumbprint, so re-reading the set per request does not redo key set-up.
        var keySet = await applications.GetJsonWebKeySetAsync(application, cancellationToken).ConfigureAwait(false);
        var redirectUris = await applications.GetRedirectUrisAsync(application, cancellationToken).ConfigureAwait(false);
        return new JarClient(clientId, keySet?.Keys.ToArray() ?? [], redirectUris);
    }
}
