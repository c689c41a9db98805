using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions;

/// <summary>What the engine needs to know of a registered client.</summary>
/// <param name="ClientId">The client identifier.</param>
/// <param name="SigningKeys">The client's registered public keys (its JSON Web Key Set).</param>
/// <param name="RedirectUris">The registered redirect URIs, compared by ordinal string equality.</param>
public sealed record JarClient(string ClientId, IReadOnlyList<JsonWebKey> SigningKeys, IReadOnlyCollection<string> RedirectUris)
{
    /// <summary>
    /// The client's own shared secret, in clear, for HMAC-signed request objects. Null for hosts that store
    /// secrets hashed (HMAC request objects are then impossible, which is the safe default).
    /// </summary>
    public ReadOnlyMemory<byte>? SharedSecret { get; init; }
}
