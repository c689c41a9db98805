using Jar.IdentityServer.Extensions.Client.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Jar.IdentityServer.Extensions.Client.AspNetCore;

/// <summary>
/// The <see cref="JarClient"/> of one OpenID Connect scheme, made on first use from the handler's options (client id,
/// back channel, metadata address) and the issuer its metadata names.
/// </summary>
internal sealed class SchemeClients(SignedRequestObjectOptions settings)
{
    private JarClient? _client;

    public async Task<JarClient> GetAsync(OpenIdConnectOptions options, CancellationToken cancellationToken)
    {
        if (_client is { } client)
        {
            return client;
        }

        var manager = options.ConfigurationManager ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager: set Authority or MetadataAddress.");
        var configuration = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var metadataAddress = options.MetadataAddress is { Length: > 0 } address
            ? new Uri(address)
            : new Uri(options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration");
        var authentication = settings.UsePrivateKeyJwt || string.IsNullOrEmpty(options.ClientSecret)
            ? ClientAuthentication.PrivateKeyJwt(settings.Keys!, settings.TimeProvider)
            : ClientAuthentication.ClientSecretBasic(options.ClientSecret);
        client = new JarClient(options.Backchannel, new JarClientOptions
        {
            ClientId = options.ClientId ?? throw new InvalidOperationException("OpenIdConnectOptions.ClientId must be set."),
            Issuer = configuration.Issuer,
            Keys = settings.Keys!,
            Authentication = authentication,
            Encryption = settings.Encryption,
            RequestObjectLifetime = settings.RequestObjectLifetime,
            MetadataAddress = metadataAddress,
            TimeProvider = settings.TimeProvider,
        });

        // Two first requests may each build one; either is equivalent.
        return Interlocked.CompareExchange(ref _client, client, null) ?? client;
    }
}
