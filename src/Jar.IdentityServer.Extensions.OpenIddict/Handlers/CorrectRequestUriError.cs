using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// At the authorization endpoint, a pushed <c>request_uri</c> that was never issued, has expired or was already used
/// is <c>invalid_request_uri</c> (RFC 9101 §7; RFC 9126 §2.2, §7.3), where OpenIddict answers <c>invalid_token</c>
/// (ID2004, ID2019, ID2013) because the urn carries its request token.
/// </summary>
/// <remarks>
/// Narrow on purpose: only when the request token taken from the <c>request_uri</c> is the token that failed (it was
/// extracted and never validated); any other error, and an <c>invalid_token</c> about another token, stay
/// OpenIddict's. The refusal comes from the Validate stage, so it stays a local error page, never a redirect.
/// </remarks>
internal sealed class CorrectRequestUriError : IOpenIddictServerHandler<ProcessErrorContext>
{
    public const string Description = "The request_uri is not valid: it was never issued, has expired or has already been used. (rule JAR701)";

    /// <summary>Before OpenIddict copies the error into the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<CorrectRequestUriError>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType == OpenIddictServerEndpointType.Authorization && context.Error == Errors.InvalidToken &&
            context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!) is
            { RequestToken.Length: > 0, RequestTokenPrincipal: null })
        {
            // error_uri stays: OpenIddict's page names the cause (unknown, expired, redeemed).
            context.Error = Errors.InvalidRequestUri;
            context.ErrorDescription = Description;
        }

        return ValueTask.CompletedTask;
    }
}
