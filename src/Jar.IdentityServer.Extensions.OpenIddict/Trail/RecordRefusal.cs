using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// A request the engine let through but OpenIddict (or a later step) refused: its trail ends with that refusal and its
/// reason, so the trail holds what was finally answered. A pushed <c>request_uri</c> that cannot be restored (never
/// issued, expired, used) is JAR701. At the token endpoint, a refused redemption of a code is recorded in the code's
/// trail.
/// </summary>
internal sealed class RecordRefusal(IJarTrail trail, TimeProvider time, ILogger<RecordRefusal> logger) : IOpenIddictServerHandler<ProcessErrorContext>
{
    /// <summary>After <c>CorrectRequestUriError</c> settled the error, before OpenIddict copies it into the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseScopedHandler<RecordRefusal>()
            .SetOrder(OpenIddictServerHandlers.AttachErrorParameters.Descriptor.Order - 400)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = context.EndpointType switch
        {
            OpenIddictServerEndpointType.Authorization or OpenIddictServerEndpointType.PushedAuthorization => AfterEngine(context),
            OpenIddictServerEndpointType.Token when context.Request?.IsAuthorizationCodeGrantType() is true => AtRedemption(context),
            _ => null,
        };
        if (record is not null)
        {
            // The refusal stands either way; a record that cannot be written is logged.
            await TrailWriter.TryAppendAsync(trail, record, logger, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private JarDecision? AfterEngine(ProcessErrorContext context)
    {
        var decided = context.Transaction.GetProperty<JarDecision>(typeof(JarDecision).FullName!);
        if (decided is null && IsUnrestoredReference(context))
        {
            // A pushed reference the engine decides only once OpenIddict has restored it: OpenIddict could not (never
            // issued, expired, used), so this refusal is the whole trail.
            var at = time.GetUtcNow();
            return new TrailContext(JarTrailIds.New(at), null, null).Record(at, JarEndpoint.Authorization, JarTrailStep.Request, JarOutcome.Refused, context.Request?.ClientId) with
            {
                Reason = $"{context.Error}: {context.ErrorDescription}",
                Violations = [new JarViolation(JarRules.RequestUriUnknown, context.ErrorDescription ?? string.Empty)],
            };
        }

        // Refused by the engine: already recorded. Refused before it (an unreadable form): there is no request to record.
        if (decided is not { Outcome: not JarOutcome.Refused } decision)
        {
            return null;
        }

        var endpoint = context.EndpointType == OpenIddictServerEndpointType.PushedAuthorization ? JarEndpoint.PushedAuthorization : JarEndpoint.Authorization;
        var now = time.GetUtcNow();
        var carried = TrailContext.Of(context.Transaction);
        var unresolved = decision.AwaitsReference && carried is null && context.Error == OpenIddictConstants.Errors.InvalidRequestUri;
        var record = (carried ?? new TrailContext(decision.TrailId ?? JarTrailIds.New(now), null, null))
            .Record(now, endpoint, JarTrailStep.Request, JarOutcome.Refused, decision.ClientId) with
        {
            Profile = decision.Profile,
            Reason = $"{context.Error}: {context.ErrorDescription}",
        };
        return unresolved
            ? record with { Violations = [new JarViolation(JarRules.RequestUriUnknown, context.ErrorDescription ?? string.Empty)] }
            : record;
    }

    private static bool IsUnrestoredReference(ProcessErrorContext context) =>
        context.EndpointType == OpenIddictServerEndpointType.Authorization
        && context.Error == OpenIddictConstants.Errors.InvalidRequestUri
        && context.Transaction.GetProperty<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>>(
            Handlers.ApplyJarDecision<ExtractAuthorizationRequestContext>.DeferredProperty) is not null;

    private JarDecision AtRedemption(ProcessErrorContext context)
    {
        var now = time.GetUtcNow();
        var authentication = context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!);
        var carried = TrailContext.From(authentication?.AuthorizationCodePrincipal) ?? new TrailContext(JarTrailIds.New(now), null, null);
        return carried.Record(now, JarEndpoint.Token, JarTrailStep.TokenRedemption, JarOutcome.Refused, context.Request?.ClientId) with
        {
            Subject = authentication?.AuthorizationCodePrincipal?.GetClaim(OpenIddictConstants.Claims.Subject),
            Reason = $"{context.Error}: {context.ErrorDescription}",
        };
    }
}
