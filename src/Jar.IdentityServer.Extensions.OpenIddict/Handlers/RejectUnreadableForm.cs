using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using static OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreHandlers;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// Reads the form of a POST to the authorization, PAR or token endpoint before OpenIddict's own extraction does, and refuses
/// one that ASP.NET Core cannot read with <c>invalid_request</c> (rule JAR110) instead of letting the reader's
/// exception become a 500: a NUL in a name or value, a malformed or unusable media type (<c>charset=utf-7</c>), a
/// key, value or count over the form limits.
/// </summary>
/// <remarks>
/// RFC 6749 §4.1.2.1 and RFC 9126 §2.3: a malformed request is <c>invalid_request</c>. The form read here is kept by
/// ASP.NET Core, so OpenIddict's extraction reuses it and the body is read once. A rejection in the Extract stage
/// stops the event there, so the built-in extraction never runs for a refused form, and the refusal is never
/// redirected (there is no request, so no redirect URI).
/// </remarks>
internal sealed class RejectUnreadableForm<TContext>(ILogger<RejectUnreadableForm<TContext>> logger) : IOpenIddictServerHandler<TContext>
    where TContext : BaseValidatingContext
{
    /// <summary>What the client is told: nothing of the reader's exception, which may quote its input.</summary>
    public const string Description = "The request's form cannot be read: it is malformed, exceeds the form limits or uses an unsupported encoding.";

    /// <summary>Just before the ASP.NET Core extraction of this endpoint, which reads the form.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
            .UseSingletonHandler<RejectUnreadableForm<TContext>>()
            .SetOrder(ExtractionOrder() - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(TContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // No filter on ASP.NET Core requests: OpenIddict resolves filters from the container, and a host without
        // UseAspNetCore() has none registered; without an HttpRequest there is no form to read.
        var request = context.Transaction.GetHttpRequest();

        // Only what OpenIddict's extraction would read: a POST whose Content-Type starts with the form media type
        // (anything else it refuses itself, without reading the body).
        if (request is null || !HttpMethods.IsPost(request.Method) ||
            request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        try
        {
            await request.ReadFormAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException or DecoderFallbackException or NotSupportedException)
        {
            OpenIddictJarLog.FormUnreadable(logger, context.EndpointType, e.GetType().Name);
            context.Reject(JarRules.FormUnreadable.Error, $"{Description} (rule {JarRules.FormUnreadable.Id})");
        }
    }

    private static int ExtractionOrder() =>
        typeof(TContext) == typeof(ExtractPushedAuthorizationRequestContext) ? ExtractPostRequest<ExtractPushedAuthorizationRequestContext>.Descriptor.Order
        : typeof(TContext) == typeof(ExtractAuthorizationRequestContext) ? ExtractGetOrPostRequest<ExtractAuthorizationRequestContext>.Descriptor.Order
        : typeof(TContext) == typeof(ExtractTokenRequestContext) ? ExtractPostRequest<ExtractTokenRequestContext>.Descriptor.Order
        : throw new NotSupportedException($"{typeof(TContext).Name} is not an endpoint whose form this handler reads.");
}
