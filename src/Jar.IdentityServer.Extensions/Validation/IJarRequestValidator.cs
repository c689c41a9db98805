namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The engine: decides one authorization request. Host adapters call it with the raw parameters and the client's
/// registration, and translate the decision into their host's response.
/// </summary>
public interface IJarRequestValidator
{
    /// <summary>
    /// Decides the request: request object stage, then the client's policy, then the replay ledger; records the
    /// decision. Never throws for bad input; a store failure becomes a refusal with <c>temporarily_unavailable</c>.
    /// </summary>
    /// <param name="request">The raw request.</param>
    /// <param name="client">The registration of the client named by the request, or null when there is none.</param>
    /// <param name="cancellationToken">Cancels store calls.</param>
    ValueTask<JarDecision> ValidateAsync(JarRequest request, JarClient? client, CancellationToken cancellationToken);
}
