using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// OpenIddict's answers when a client's own registration (its permissions) does not allow what it asked for, at the
/// authorization and PAR endpoints, corrected to the codes the specifications name and given a rule id:
/// a scope is <c>invalid_scope</c> (RFC 6749 §4.1.2.1, RFC 9126 §2.1; OpenIddict says <c>invalid_request</c>),
/// a resource or audience is <c>invalid_target</c> (RFC 8707 §2), and an endpoint, flow or response type the client
/// may not use is <c>unauthorized_client</c> (RFC 6749 §4.1.2.1). A scope the server does not know at all is already
/// <c>invalid_scope</c> in OpenIddict; it gets the same rule id, since no client's registration permits it.
/// </summary>
/// <remarks>
/// Recognised by OpenIddict's error id in its <c>error_uri</c>, which stays (it names the cause). These refusals come
/// from the Validate stage, so the authorization endpoint answers with a local page, never a redirect.
/// </remarks>
internal sealed class CorrectPermissionError : IOpenIddictServerHandler<ProcessErrorContext>
{
    private static readonly Dictionary<string, (JarRule Rule, string Description)> Corrections = new(StringComparer.Ordinal)
    {
        ["ID2051"] = (JarRules.ScopeNotPermitted, "This client is not permitted to request one of the scopes."),
        ["ID2191"] = (JarRules.ResourceNotPermitted, "This client is not permitted to request one of the audiences."),
        ["ID2192"] = (JarRules.ResourceNotPermitted, "This client is not permitted to request one of the resources."),
        ["ID2046"] = (JarRules.ClientNotPermitted, "This client is not permitted to use the authorization endpoint."),
        ["ID2183"] = (JarRules.ClientNotPermitted, "This client is not permitted to use the pushed authorization request endpoint."),
        ["ID2047"] = (JarRules.ClientNotPermitted, "This client is not permitted to use the authorization code flow."),
        ["ID2048"] = (JarRules.ClientNotPermitted, "This client is not permitted to use the implicit flow."),
        ["ID2049"] = (JarRules.ClientNotPermitted, "This client is not permitted to use the hybrid flow."),
    };

    /// <summary>Before OpenIddict copies the error into the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<CorrectPermissionError>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 400)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType is not (OpenIddictServerEndpointType.Authorization or OpenIddictServerEndpointType.PushedAuthorization))
        {
            return ValueTask.CompletedTask;
        }

        if (context.ErrorUri is { } uri && uri.LastIndexOf('/') is var slash and >= 0 &&
            Corrections.TryGetValue(uri[(slash + 1)..], out var correction))
        {
            context.Error = correction.Rule.Error;
            context.ErrorDescription = $"{correction.Description} (rule {correction.Rule.Id})";
        }
        else if (context.Error == JarErrors.InvalidScope && context.ErrorDescription?.Contains("(rule JAR", StringComparison.Ordinal) != true)
        {
            // OpenIddict's own invalid_scope (ID2052, a scope it does not know); the engine's (JAR608) carries its rule.
            context.ErrorDescription = $"The scope is not known to this server, so no client is permitted to request it. (rule {JarRules.ScopeNotPermitted.Id})";
        }

        return ValueTask.CompletedTask;
    }
}
