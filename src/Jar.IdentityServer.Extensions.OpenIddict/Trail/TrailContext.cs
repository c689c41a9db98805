using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>
/// What the records of one authorization share, carried from the decision that accepted it: in the OpenIddict
/// transaction while a request is processed, and in the request token, the code and the tokens between requests.
/// Never recomputed from later data.
/// </summary>
internal sealed record TrailContext(string TrailId, string? IntentHash, string? RequestObjectHash)
{
    /// <summary>The trail id claim: private to the server (no destination), kept in request tokens and codes.</summary>
    public const string TrailClaim = "jar_trail";

    /// <summary>The request object hash claim: private to the server, like <see cref="TrailClaim"/>.</summary>
    public const string RequestObjectClaim = "jar_object";

    private static readonly string Key = typeof(TrailContext).FullName!;

    public static TrailContext? Of(OpenIddictServerTransaction transaction) => transaction.GetProperty<TrailContext>(Key);

    public void AttachTo(OpenIddictServerTransaction transaction) => transaction.SetProperty(Key, this);

    public static TrailContext? From(JarDecision decision) =>
        decision.TrailId is { } trail && !decision.AwaitsReference ? new(trail, decision.IntentHash, decision.RequestObjectHash) : null;

    public static TrailContext? From(ClaimsPrincipal? principal) =>
        principal?.GetClaim(TrailClaim) is { Length: > 0 } trail
            ? new(trail, principal.GetClaim(JarIntent.ClaimType), principal.GetClaim(RequestObjectClaim))
            : null;

    /// <summary>
    /// Writes the trail into a principal OpenIddict is about to turn into a token. The intent hash goes to the access
    /// and identity tokens (<c>jar_intent</c>); the trail id and the object hash stay private to the server.
    /// </summary>
    public void WriteTo(ClaimsPrincipal principal)
    {
        principal.SetClaim(TrailClaim, TrailId);
        principal.SetClaim(RequestObjectClaim, RequestObjectHash);
        principal.SetClaim(JarIntent.ClaimType, IntentHash);
        foreach (var claim in principal.Claims)
        {
            if (claim.Type == JarIntent.ClaimType)
            {
                claim.SetDestinations(OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken);
            }
        }
    }

    /// <summary>A record of this trail.</summary>
    public JarDecision Record(DateTimeOffset now, JarEndpoint endpoint, JarTrailStep step, JarOutcome outcome, string? clientId) => new()
    {
        Outcome = outcome,
        DecidedAt = now,
        Endpoint = endpoint,
        Step = step,
        ClientId = clientId,
        TrailId = TrailId,
        IntentHash = IntentHash,
        RequestObjectHash = RequestObjectHash,
    };
}
