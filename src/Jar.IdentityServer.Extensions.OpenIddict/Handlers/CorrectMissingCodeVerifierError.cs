using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// At the token endpoint, redeeming a PKCE-bound authorization code without <c>code_verifier</c> is
/// <c>invalid_grant</c> (RFC 7636 §4.6: the server returns an error when the verifier does not match; RFC 6749 §5.2),
/// where OpenIddict answers <c>invalid_request</c> (mandatory parameter missing).
/// </summary>
/// <remarks>
/// Narrow on purpose: only for <c>grant_type=authorization_code</c>, only when the request has no
/// <c>code_verifier</c>, and only when OpenIddict's refusal names that missing parameter; any other error stays
/// OpenIddict's. The code is still refused: only the error code changes.
/// </remarks>
internal sealed class CorrectMissingCodeVerifierError : IOpenIddictServerHandler<ProcessErrorContext>
{
    public const string Description = "The code_verifier is missing: an authorization code issued with a PKCE code challenge is redeemed only with its verifier.";

    /// <summary>Before OpenIddict copies the error into the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<CorrectMissingCodeVerifierError>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType == OpenIddictServerEndpointType.Token &&
            context.Transaction.Request is { } request && request.IsAuthorizationCodeGrantType() &&
            string.IsNullOrEmpty(request.CodeVerifier) &&
            context.Error == Errors.InvalidRequest &&
            context.ErrorDescription?.Contains($"'{Parameters.CodeVerifier}'", StringComparison.Ordinal) == true)
        {
            // OpenIddict's description of a missing parameter names it ("The mandatory 'code_verifier' parameter is
            // missing."); its error_uri (ID2029 or ID2054, depending on the handler that refused) stays.
            context.Error = Errors.InvalidGrant;
            context.ErrorDescription = Description;
        }

        return ValueTask.CompletedTask;
    }
}
