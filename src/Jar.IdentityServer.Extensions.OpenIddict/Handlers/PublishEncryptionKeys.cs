using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// RFC 9101 §6.1 with RFC 8414 §2 (<c>jwks_uri</c>): clients encrypt request objects to keys they find in the
/// server's JWKS, so the public halves of the decryption keys are published there with <c>use: enc</c>.
/// </summary>
internal sealed class PublishEncryptionKeys(IOptions<JarHardeningOptions> options) : IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<PublishEncryptionKeys>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var key in options.Value.RequestObjectDecryptionKeys)
        {
            if (EncryptionKeys.Public(key) is { } published)
            {
                context.Keys.Add(published);
            }
        }

        return ValueTask.CompletedTask;
    }
}
