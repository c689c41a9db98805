using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// The clients' JAR policies as an operator reads them: each client's overrides, and the profile they start from.
/// The engine reads the same policies through its <see cref="IJarPolicyStore"/>.
/// </summary>
public interface IClientPolicyCatalog
{
    /// <summary>The profile of a client whose overrides name none.</summary>
    string DefaultProfile { get; }

    /// <summary>The client's overrides, or null when the client has no policy of its own.</summary>
    ValueTask<JarPolicyOverrides?> FindOverridesAsync(string clientId, CancellationToken cancellationToken);
}
