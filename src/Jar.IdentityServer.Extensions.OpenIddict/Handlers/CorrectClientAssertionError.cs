using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Handlers;

/// <summary>
/// At the PAR endpoint, a client assertion that fails validation is a failed client authentication, 401
/// <c>invalid_client</c> (RFC 6749 §5.2; RFC 7523 §3.2; RFC 9126 §2.1), where OpenIddict answers 400
/// <c>invalid_token</c> for some of them, e.g. an <c>aud</c> that is the PAR or token endpoint URL (ID2094), which
/// FAPI 2.0 Security Profile §5.3.2.1-8 requires to be refused.
/// </summary>
/// <remarks>
/// Narrow on purpose: only when the request carried a client assertion and that assertion is the token that failed
/// (it was extracted and never validated); any other error stays OpenIddict's. OpenIddict then sets the status to
/// 401 and adds its WWW-Authenticate header, as for its own invalid_client answers.
/// </remarks>
internal sealed class CorrectClientAssertionError : IOpenIddictServerHandler<ProcessErrorContext>
{
    public const string Description = "The client assertion is not valid: its audience must be this server's issuer identifier, and it must be current and signed by a key of the client.";

    /// <summary>Before OpenIddict copies the error into the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<CorrectClientAssertionError>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType == OpenIddictServerEndpointType.PushedAuthorization && context.Error == Errors.InvalidToken &&
            context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!) is
            { ClientAssertion.Length: > 0, ClientAssertionPrincipal: null })
        {
            // error_uri stays: OpenIddict's page names the cause.
            context.Error = Errors.InvalidClient;
            context.ErrorDescription = Description;
        }

        return ValueTask.CompletedTask;
    }
}
