using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// A request token (PAR's <c>request_uri</c>, or OpenIddict's cached authorization request) carries the trail of the
/// decision that accepted the request, so every later hop is recorded in the same trail with the same intent hash.
/// </summary>
internal sealed class AttachTrailToRequestToken : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<AttachTrailToRequestToken>()
            .SetOrder(OpenIddictServerHandlers.PrepareRequestTokenPrincipal.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestTokenPrincipal is { } principal && TrailContext.Of(context.Transaction) is { } carried)
        {
            carried.WriteTo(principal);
        }

        return ValueTask.CompletedTask;
    }
}
