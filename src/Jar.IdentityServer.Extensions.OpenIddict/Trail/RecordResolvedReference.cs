using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// At the authorization endpoint, once OpenIddict has restored a pushed (or cached) request from its
/// <c>request_uri</c> and validated it: records the acceptance of this hop in the trail the request token carries.
/// The engine accepted the reference without seeing the request (<see cref="JarDecision.AwaitsReference"/>); only now
/// is it known to be a request this server issued, so only now is it recorded.
/// </summary>
internal sealed class RecordResolvedReference(IJarTrail trail, TimeProvider time, ILogger<RecordResolvedReference> logger)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    /// <summary>Last of the validation handlers: a request any of them refuses is recorded as refused instead.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<RecordResolvedReference>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Transaction.GetProperty<JarDecision>(typeof(JarDecision).FullName!) is not { AwaitsReference: true })
        {
            return;
        }

        var authentication = context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!);

        // A pushed request accepted before the trail existed has none: it starts one here, without an intent hash.
        var carried = TrailContext.From(authentication?.RequestTokenPrincipal) ?? new TrailContext(JarTrailIds.New(time.GetUtcNow()), null, null);
        carried.AttachTo(context.Transaction);
        var record = carried.Record(time.GetUtcNow(), JarEndpoint.Authorization, JarTrailStep.Request, JarOutcome.Accepted, context.ClientId);
        if (!await TrailWriter.TryAppendAsync(trail, record, logger, context.CancellationToken).ConfigureAwait(false))
        {
            TrailWriter.RejectUnavailable(context);
        }
    }
}
