namespace Jar.IdentityServer.Extensions;

/// <summary>Server-wide settings of the engine, and the per-client policies bound from configuration.</summary>
public sealed class JarHardeningOptions
{
    /// <summary>The profile of every client without a policy of its own, and the start of every client policy that names none.</summary>
    public string DefaultProfile { get; set; } = JarProfiles.Strict;

    /// <summary>The longest request object accepted, in characters (RFC 9101 §10.4.1: bound what you parse).</summary>
    public int MaxRequestObjectLength { get; set; } = 32 * 1024;

    /// <summary>
    /// The server's private keys for encrypted request objects (RFC 9101 §6.1): RSA (2048 bits or more) for
    /// RSA-OAEP-256, EC P-256/P-384/P-521 for ECDH-ES, each with a <c>kid</c>. Empty: encrypted objects are refused.
    /// Their public halves belong in the server's JWKS with <c>use: enc</c> (the OpenIddict adapter publishes them).
    /// </summary>
    public IList<Microsoft.IdentityModel.Tokens.JsonWebKey> RequestObjectDecryptionKeys { get; } = [];

    /// <summary>Per-client policy overrides, by client_id, for the configuration-bound policy store.</summary>
    public IDictionary<string, JarPolicyOverrides> Clients { get; } = new Dictionary<string, JarPolicyOverrides>(StringComparer.Ordinal);
}
