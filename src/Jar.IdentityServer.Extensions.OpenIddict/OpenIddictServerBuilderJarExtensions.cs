using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.OpenIddict;
using Jar.IdentityServer.Extensions.OpenIddict.Handlers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one entry point: <c>services.AddOpenIddict().AddServer(o => o.AddJarHardening())</c>.</summary>
public static class OpenIddictServerBuilderJarExtensions
{
    /// <summary>
    /// Turns on strict request objects (RFC 9101) at the authorization and PAR endpoints, enforces each client's
    /// policy on every authorization request, advertises it in discovery, and allows PKCE with S256 only.
    /// </summary>
    public static OpenIddictServerBuilder AddJarHardening(this OpenIddictServerBuilder builder, Action<JarHardeningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddJarEngine(configure);
        builder.Services.TryAddScoped<OpenIddictJarClients>();

        // The same registrations the engine verifies against, for re-verifying kept request objects (audit).
        builder.Services.TryAddScoped<IJarClients>(static sp => sp.GetRequiredService<OpenIddictJarClients>());
        builder.Services.TryAddScoped<Jar.IdentityServer.Extensions.OpenIddict.OpenIddictJarLint>();

        // RFC 7636 §4.2, FAPI 2.0 Security Profile §5.3.2.2-5: plain PKCE offers nothing over no PKCE.
        builder.Configure(options => options.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));

        // The built-in handlers that refuse every 'request' parameter stay: the request object is unpacked before
        // they run, so they only ever see a 'request' that this library did not handle.
        return builder
            .AddEventHandler(RejectUnreadableForm<ExtractAuthorizationRequestContext>.Descriptor)
            .AddEventHandler(RejectUnreadableForm<ExtractPushedAuthorizationRequestContext>.Descriptor)
            // The code this library lets through is redeemed here: its form gets the same guard, so no 500 either.
            .AddEventHandler(RejectUnreadableForm<ExtractTokenRequestContext>.Descriptor)
            .AddEventHandler(ApplyJarDecision<ExtractAuthorizationRequestContext>.Descriptor)
            .AddEventHandler(ApplyJarDecision<ExtractPushedAuthorizationRequestContext>.Descriptor)
            // Parameters beside a pushed request_uri, judged once OpenIddict has restored the pushed request.
            .AddEventHandler(ApplyJarDecision<ValidateAuthorizationRequestContext>.AfterRestore)
            .AddEventHandler(CorrectRequestUriError.Descriptor)
            .AddEventHandler(CorrectClientAssertionError.Descriptor)
            .AddEventHandler(CorrectPermissionError.Descriptor)
            .AddEventHandler(CorrectMissingCodeVerifierError.Descriptor)
            // The decision trail: every step of one authorization in one trail, bound to what is issued.
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.RecordResolvedReference.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.AttachTrailToRequestToken.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.RecordConsent.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.RecordIssuedTokens.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.RecordRefusal.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.RecordDenial.Descriptor)
            .AddEventHandler(Jar.IdentityServer.Extensions.OpenIddict.Trail.AttachIntentToIntrospection.Descriptor)
            .AddEventHandler(AdvertiseRequestObjects.Descriptor)
            .AddEventHandler(PublishEncryptionKeys.Descriptor);
    }
}
