using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client.AspNetCore;

/// <summary>What <see cref="OpenIdConnectOptionsJarExtensions.UseSignedRequestObjects"/> signs with and how.</summary>
public sealed class SignedRequestObjectOptions
{
    /// <summary>The client's keys: they sign the request objects and, unless <see cref="UsePrivateKeyJwt"/> is off, the client assertions.</summary>
    public ClientKeySet? Keys { get; set; }

    /// <summary>Whether the object is then encrypted to the server's <c>use: enc</c> key; default none.</summary>
    public RequestObjectEncryption Encryption { get; set; } = RequestObjectEncryption.None;

    /// <summary>How long an object is valid (at most 60 minutes); default 5 minutes.</summary>
    public TimeSpan RequestObjectLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>private_key_jwt</c> at the PAR and token endpoints (default); off, the handler's <c>ClientSecret</c> is sent
    /// with <c>client_secret_basic</c> at PAR and as the handler sends it at the token endpoint.
    /// </summary>
    public bool UsePrivateKeyJwt { get; set; } = true;

    /// <summary>The clock; default the system's.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
