using System.Security.Claims;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// Records what was issued for a trail, by OpenIddict token id (never the code or token itself): the authorization
/// code at the authorization endpoint; the tokens of a redemption at the token endpoint.
/// </summary>
internal sealed class RecordIssuedTokens(IJarTrail trail, TimeProvider time, ILogger<RecordIssuedTokens> logger) : IOpenIddictServerHandler<ProcessSignInContext>
{
    /// <summary>Once every token is generated and stored (so it has its id), before the response is written.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<RecordIssuedTokens>()
            .SetOrder(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        JarDecision record;
        if (context.EndpointType == OpenIddictServerEndpointType.Authorization && context.AuthorizationCodePrincipal is { } code &&
            TrailContext.Of(context.Transaction) is { } carried)
        {
            record = carried.Record(time.GetUtcNow(), JarEndpoint.Authorization, JarTrailStep.CodeIssued, JarOutcome.Accepted, context.Request?.ClientId) with
            {
                Subject = code.GetClaim(OpenIddictConstants.Claims.Subject),
                Scopes = string.Join(' ', code.GetScopes()),
                TokenIds = Ids(code),
            };
        }
        else if (context.EndpointType == OpenIddictServerEndpointType.Token && TrailContext.From(context.Principal) is { } redeemed)
        {
            record = redeemed.Record(time.GetUtcNow(), JarEndpoint.Token, JarTrailStep.TokenRedemption, JarOutcome.Accepted, context.Request?.ClientId) with
            {
                Subject = context.Principal!.GetClaim(OpenIddictConstants.Claims.Subject),
                Scopes = string.Join(' ', context.Principal!.GetScopes()),
                TokenIds = Ids(context.AccessTokenPrincipal, context.IdentityTokenPrincipal, context.RefreshTokenPrincipal),
            };
        }
        else
        {
            return;
        }

        if (!await TrailWriter.TryAppendAsync(trail, record, logger, context.CancellationToken).ConfigureAwait(false))
        {
            TrailWriter.RejectUnavailable(context);
        }
    }

    private static string[] Ids(params ClaimsPrincipal?[] principals) =>
        [.. principals.Select(p => p?.GetTokenId()).OfType<string>()];
}
