using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// Discovery (RFC 8414 §2, RFC 9101 §9.2, RFC 9126 §5): request objects are supported, with which algorithms, and
/// whether the server-wide default policy requires them or PAR.
/// </summary>
internal sealed class AdvertiseRequestObjects(IOptions<JarHardeningOptions> options) : IOpenIddictServerHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleConfigurationRequestContext>()
            .UseSingletonHandler<AdvertiseRequestObjects>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachAdditionalMetadata.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private readonly JarPolicy _default = JarProfiles.Resolve("(default)", null, options.Value.DefaultProfile).Policy;

    public ValueTask HandleAsync(OpenIddictServerEvents.HandleConfigurationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Metadata["request_parameter_supported"] = true;
        context.Metadata["request_object_signing_alg_values_supported"] = System.Collections.Immutable.ImmutableArray.CreateRange<string?>(_default.AllowedSigningAlgorithms.Order(StringComparer.Ordinal));
        // RFC 9101 §9.2 via OpenID Connect Discovery §3: only when the server holds a decryption key of that kind.
        var encryption = EncryptionKeys.Algorithms(options.Value.RequestObjectDecryptionKeys).Where(_default.AllowedEncryptionAlgorithms.Contains).ToArray();
        if (encryption.Length > 0)
        {
            context.Metadata["request_object_encryption_alg_values_supported"] = System.Collections.Immutable.ImmutableArray.CreateRange<string?>(encryption);
            context.Metadata["request_object_encryption_enc_values_supported"] = System.Collections.Immutable.ImmutableArray.Create<string?>("A256GCM");
        }

        if (_default.RequireRequestObject)
        {
            context.Metadata["require_signed_request_object"] = true;
        }

        if (_default.RequirePushedAuthorizationRequests)
        {
            context.RequirePushedAuthorizationRequests = true;
        }

        return ValueTask.CompletedTask;
    }
}
