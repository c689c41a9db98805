namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>
/// The trail an accepted authorization request belongs to, as the decision that accepted it carried it (never
/// recomputed): what a host's own pages show the user, for instance the intent hash on a consent page.
/// </summary>
/// <param name="TrailId">The trail id every record of this authorization shares.</param>
/// <param name="IntentHash">The intent hash (base64url SHA-256 of the RFC 8785 form of the effective request), the value of the tokens' <c>jar_intent</c>.</param>
/// <param name="RequestObjectHash">Lower-case hex SHA-256 of the signed request object; null for a plain request.</param>
public sealed record JarRequestTrail(string TrailId, string? IntentHash, string? RequestObjectHash)
{
    /// <summary>Whether the request came as a signed request object (verified before it was accepted).</summary>
    public bool IsSigned => RequestObjectHash is not null;
}
