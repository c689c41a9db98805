using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// The host signs the user in at the authorization endpoint: that is the consent. Records it (subject, scopes
/// requested and granted) in the request's trail, and writes the trail into the principal before OpenIddict turns it
/// into a code, so the code, and the tokens redeemed for it, carry the same trail and intent hash.
/// </summary>
internal sealed class RecordConsent(IJarTrail trail, TimeProvider time, ILogger<RecordConsent> logger) : IOpenIddictServerHandler<ProcessSignInContext>
{
    /// <summary>After OpenIddict decided which tokens it issues, before it prepares any of them.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<RecordConsent>()
            .SetOrder(OpenIddictServerHandlers.AttachAuthorization.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Authorization || !context.GenerateAuthorizationCode ||
            context.Principal is not { } principal || TrailContext.Of(context.Transaction) is not { } carried)
        {
            return;
        }

        carried.WriteTo(principal);
        var record = carried.Record(time.GetUtcNow(), JarEndpoint.Authorization, JarTrailStep.Consent, JarOutcome.Accepted, context.Request?.ClientId) with
        {
            Subject = principal.GetClaim(OpenIddictConstants.Claims.Subject),
            Scopes = string.Join(' ', principal.GetScopes()),
            Detail = context.Request?.Scope is { } requested ? $"requested: {requested}" : null,
        };
        if (!await TrailWriter.TryAppendAsync(trail, record, logger, context.CancellationToken).ConfigureAwait(false))
        {
            TrailWriter.RejectUnavailable(context);
        }
    }
}
