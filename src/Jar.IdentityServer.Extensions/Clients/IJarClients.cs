namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The host's registered clients as the engine sees them (the OpenIddict adapter reads OpenIddict's application
/// store). Used to re-verify kept request objects with a client's keys of today.
/// </summary>
public interface IJarClients
{
    /// <summary>The client's registration, or null when no client has that id.</summary>
    ValueTask<JarClient?> FindAsync(string? clientId, CancellationToken cancellationToken);
}
