using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.SampleHost.Endpoints;

/// <summary>
/// Hands a refused authorization request that OpenIddict would answer with its plain-text page (a rejection that is
/// never redirected: the request was not proven, RFC 6749 §4.1.2.1) to the host's authorization endpoint, which
/// answers with <see cref="AuthorizationRefusal"/>: a page a person can read, or JSON for a client that asks for it.
/// </summary>
/// <remarks>
/// OpenIddict's <c>EnableErrorPassthrough</c> would do the same for every passthrough endpoint (the userinfo endpoint
/// too); this hands over only the authorization endpoint's local errors. It runs after the handlers that redirect an
/// error to a proven redirect URI (those end the dispatch), so what reaches it is never meant for the client.
/// </remarks>
internal sealed class RefusalHandoff : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseSingletonHandler<RefusalHandoff>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ProcessLocalErrorResponse<ApplyAuthorizationResponseContext>.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(context.Response.Error) && string.IsNullOrEmpty(context.RedirectUri))
        {
            // Never echo the client's state on a page that is not sent to the client (OpenIddict's page drops it too).
            context.Response.State = null;
            context.SkipRequest();
        }

        return default;
    }
}
