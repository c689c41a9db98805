using Jar.IdentityServer.Extensions.Client.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Jar.IdentityServer.Extensions.Client.AspNetCore;

/// <summary>Signed request objects (RFC 9101) for ASP.NET Core's OpenID Connect handler.</summary>
public static class OpenIdConnectOptionsJarExtensions
{
    /// <summary>
    /// Moves every authorization parameter the handler sends (response_type, redirect_uri, scope, state, nonce, the
    /// PKCE challenge, prompt, max_age and any added by events or <c>AdditionalAuthorizationParameters</c>) into a
    /// request object signed with the client's key: pushed to the PAR endpoint when
    /// <see cref="OpenIdConnectOptions.PushedAuthorizationBehavior"/> pushes (RFC 9126 §3), else sent by value
    /// (RFC 9101 §5.1). The client authenticates with <c>private_key_jwt</c> at the PAR and token endpoints.
    /// </summary>
    /// <remarks>
    /// Call it after setting <see cref="RemoteAuthenticationOptions.Events"/>: it chains to the handlers already set
    /// (<c>OnRedirectToIdentityProvider</c>, <c>OnPushAuthorization</c>, <c>OnAuthorizationCodeReceived</c>), which
    /// run first and may still change the parameters. The PKCE verifier and the nonce stay where the handler keeps
    /// them, so code redemption and ID token validation are unchanged. A refusal by the PAR endpoint throws a
    /// <see cref="JarServerException"/> carrying the server's error and rule id.
    /// </remarks>
    /// <param name="options">The handler's options; <see cref="OpenIdConnectOptions.ClientId"/> must be set.</param>
    /// <param name="configure">Sets the keys and the rest.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static OpenIdConnectOptions UseSignedRequestObjects(this OpenIdConnectOptions options, Action<SignedRequestObjectOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new SignedRequestObjectOptions();
        configure(settings);
        if (settings.Keys is null)
        {
            throw new ArgumentException("SignedRequestObjectOptions.Keys must be set: the client's signing keys.", nameof(configure));
        }

        var clients = new SchemeClients(settings);
        var events = options.Events ??= new OpenIdConnectEvents();

        var redirect = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            await redirect(context).ConfigureAwait(false);
            if (!context.Handled)
            {
                await SendByValueUnlessPushedAsync(context, clients).ConfigureAwait(false);
            }
        };

        var push = events.OnPushAuthorization;
        events.OnPushAuthorization = async context =>
        {
            await push(context).ConfigureAwait(false);
            if (!context.HandledPush && !context.SkippedPush)
            {
                var client = await clients.GetAsync(context.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
                var pushed = await client.PushAsync(Parameters(context.ProtocolMessage), context.HttpContext.RequestAborted).ConfigureAwait(false);
                context.HandlePush(pushed.RequestUri);
            }
        };

        var codeReceived = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            await codeReceived(context).ConfigureAwait(false);
            if (settings.UsePrivateKeyJwt && context.TokenEndpointRequest is { } request && !context.HandledCodeRedemption)
            {
                // OpenID Connect Core §9: the assertion replaces the secret; OpenIddict wants aud = the issuer.
                var client = await clients.GetAsync(context.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
                request.ClientSecret = null;
                request.ClientAssertionType = PrivateKeyJwtAuthentication.AssertionType;
                request.ClientAssertion = ((PrivateKeyJwtAuthentication)client.Authentication).CreateAssertion(client.Options.ClientId, client.Options.Issuer);
            }
        };

        return options;
    }

    // The handler pushes under Require, and under UseIfAvailable when the metadata has a PAR endpoint; otherwise the
    // object goes by value, and this event finishes what the handler would do after it (state, redirect).
    private static async Task SendByValueUnlessPushedAsync(RedirectContext context, SchemeClients clients)
    {
        var options = context.Options;
        var configuration = options.ConfigurationManager is null ? null : await options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        var pushes = options.PushedAuthorizationBehavior switch
        {
            PushedAuthorizationBehavior.Require => true,
            PushedAuthorizationBehavior.UseIfAvailable => !string.IsNullOrEmpty(configuration?.PushedAuthorizationRequestEndpoint),
            _ => false,
        };
        if (pushes || context.ProtocolMessage.RequestType != OpenIdConnectRequestType.Authentication)
        {
            return;
        }

        var message = context.ProtocolMessage;
        var properties = context.Properties;

        // As OpenIdConnectHandler.HandleChallengeAsync does after this event: keep a caller's own state, remember
        // the redirect URI for code redemption, and protect the properties into state.
        if (!string.IsNullOrEmpty(message.State))
        {
            properties.Items[OpenIdConnectDefaults.UserstatePropertiesKey] = message.State;
        }

        properties.Items[OpenIdConnectDefaults.RedirectUriForCodePropertiesKey] = message.RedirectUri;
        message.State = options.StateDataFormat.Protect(properties);

        var client = await clients.GetAsync(options, context.HttpContext.RequestAborted).ConfigureAwait(false);
        var url = await client.CreateAuthorizationUrlAsync(Parameters(message), context.HttpContext.RequestAborted).ConfigureAwait(false);
        context.Response.Redirect(url.AbsoluteUri);
        context.HandleResponse();
    }

    // Client authentication never goes into the object: the handler's secret is its own business.
    private static IEnumerable<KeyValuePair<string, string?>> Parameters(OpenIdConnectMessage message) =>
        message.Parameters
            .Where(static p => p.Key is not (OpenIdConnectParameterNames.ClientSecret or "client_assertion" or "client_assertion_type"))
            .Select(static p => new KeyValuePair<string, string?>(p.Key, p.Value));
}
