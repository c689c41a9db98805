namespace Jar.SampleHost.Hosting;

/// <summary>The authorization server's own settings, bound from <c>Server</c>.</summary>
public sealed class ServerSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Server";

    /// <summary>The issuer identifier (RFC 8414 §2). Unset: the base URL of each request, as OpenIddict does by default.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// Serve OAuth endpoints over plain HTTP. For loopback development only: the host refuses to start with it when a
    /// listening address or the issuer is not a loopback address.
    /// </summary>
    public bool DisableTransportSecurityRequirement { get; set; }

    /// <summary>
    /// The algorithm of the ephemeral key OpenIddict signs its tokens with: <c>ES256</c> (the default, a P-256 key) or
    /// <c>RS256</c> (an RSA 2048 key). Every cached or pushed authorization request becomes a signed request token,
    /// so this signature is on the authorization path; an RSA signature costs a private-key operation per request,
    /// an ECDSA P-256 signature a fraction of it (docs/performance.md measures both).
    /// </summary>
    public string SigningKeyAlgorithm { get; set; } = Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256;
}
