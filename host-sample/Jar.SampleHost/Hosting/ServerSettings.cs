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
}
