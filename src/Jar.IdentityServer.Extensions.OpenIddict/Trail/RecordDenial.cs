using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// The host refuses an accepted request at the authorization endpoint (the user denies consent, or prompt=none finds
/// no session): the trail ends with that refusal and its reason.
/// </summary>
internal sealed class RecordDenial(IJarTrail trail, TimeProvider time, ILogger<RecordDenial> logger) : IOpenIddictServerHandler<ProcessChallengeContext>
{
    /// <summary>After OpenIddict filled in the default error, before it writes the response.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessChallengeContext>()
            .UseScopedHandler<RecordDenial>()
            .SetOrder(OpenIddictServerHandlers.AttachDefaultChallengeError.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Authorization || TrailContext.Of(context.Transaction) is not { } carried)
        {
            return;
        }

        var record = carried.Record(time.GetUtcNow(), JarEndpoint.Authorization, JarTrailStep.Consent, JarOutcome.Refused, context.Request?.ClientId) with
        {
            Scopes = context.Request?.Scope,
            Reason = $"{context.Response.Error}: {context.Response.ErrorDescription}",
        };

        // The refusal stands either way; a record that cannot be written is logged.
        await TrailWriter.TryAppendAsync(trail, record, logger, context.CancellationToken).ConfigureAwait(false);
    }
}
