using Jar.IdentityServer.Extensions.Client.Authentication;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client;

/// <summary>The settings of a <see cref="JarClient"/>.</summary>
public sealed record JarClientOptions
{
    /// <summary>The client_id registered at the server.</summary>
    public required string ClientId { get; init; }

    /// <summary>The server's issuer identifier, exactly as its metadata says (e.g. <c>https://auth.example.com/</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>The client's signing keys (request objects, and client assertions unless <see cref="Authentication"/> says otherwise).</summary>
    public required ClientKeySet Keys { get; init; }

    /// <summary>Client authentication at PAR; default <c>private_key_jwt</c> with <see cref="Keys"/>.</summary>
    public ClientAuthentication? Authentication { get; init; }

    /// <summary>Whether the signed object is then encrypted to the server; default <see cref="RequestObjectEncryption.None"/>.</summary>
    public RequestObjectEncryption Encryption { get; init; } = RequestObjectEncryption.None;

    /// <summary>How long a request object is valid (at most 60 minutes); default 5 minutes.</summary>
    public TimeSpan RequestObjectLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the server's metadata is; default the issuer + <c>/.well-known/openid-configuration</c>.</summary>
    public Uri? MetadataAddress { get; init; }

    /// <summary>How long the server's metadata and JWKS are cached; default 1 hour.</summary>
    public TimeSpan MetadataCacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The clock; default the system's.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks the settings, naming the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("ClientId is required.", nameof(ClientId));
        }

        if (string.IsNullOrWhiteSpace(Issuer) || !Uri.TryCreate(Issuer, UriKind.Absolute, out _))
        {
            throw new ArgumentException("Issuer must be an absolute URL.", nameof(Issuer));
        }

        ArgumentNullException.ThrowIfNull(Keys);
        if (RequestObjectLifetime <= TimeSpan.Zero || RequestObjectLifetime > TimeSpan.FromMinutes(60))
        {
            throw new ArgumentException("RequestObjectLifetime must be more than zero and at most 60 minutes.", nameof(RequestObjectLifetime));
        }

        if (!Enum.IsDefined(Encryption))
        {
            throw new ArgumentException($"Unknown encryption {Encryption}.", nameof(Encryption));
        }
    }
}
