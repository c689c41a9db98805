namespace Jar.IdentityServer.Extensions;

/// <summary>Resolves a client's effective policy. I/O lives here, never in a rule.</summary>
public interface IJarPolicyStore
{
    /// <summary>
    /// The client's effective policy: its own, or the server's default profile when it has none. Throws when the
    /// store cannot answer; the engine then refuses the request (fail closed).
    /// </summary>
    ValueTask<JarPolicy> GetPolicyAsync(string clientId, CancellationToken cancellationToken);
}
