namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The engine's answer to one authorization request, and more generally one record of the decision trail: the later
/// steps of the same authorization (consent, code, redemption) and administrative events are recorded with the same
/// shape, named by <see cref="Step"/>. Immutable.
/// </summary>
public sealed record JarDecision
{
    /// <summary>The outcome.</summary>
    public required JarOutcome Outcome { get; init; }

    /// <summary>When the decision was taken.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The endpoint the request arrived at.</summary>
    public required JarEndpoint Endpoint { get; init; }

    /// <summary>The client, when one was named.</summary>
    public string? ClientId { get; init; }

    /// <summary>The rules the request broke; empty when accepted. The first one is the error returned.</summary>
    public IReadOnlyList<JarViolation> Violations { get; init; } = [];

    /// <summary>
    /// The parameters that count, when a request object was applied: exactly the object's, with JWT envelope
    /// claims removed. Null when the request carried no object (its own parameters stand).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Lower-case hex SHA-256 of the exact request object as received, when one was sent.</summary>
    public string? RequestObjectHash { get; init; }

    /// <summary>
    /// The signed request object (compact JWS) this decision verified, exactly as the client signed it: for an
    /// encrypted object, the signed JWS inside the JWE. Null when the request is refused or carried no object. It can
    /// hold personal data (<c>login_hint</c>, <c>claims</c>): sinks keep it only when told to (the Entity Framework
    /// stores: <c>JarAuditOptions.KeepRequestObjects</c>).
    /// </summary>
    public string? RequestObject { get; init; }

    /// <summary>True when <see cref="RequestObject"/> arrived encrypted (so <see cref="RequestObjectHash"/> is the hash of the JWE around it).</summary>
    public bool RequestObjectEncrypted { get; init; }

    /// <summary>The object's <c>jti</c>, when it had a valid one.</summary>
    public string? JwtId { get; init; }

    /// <summary>The object's <c>kid</c> header.</summary>
    public string? KeyId { get; init; }

    /// <summary>The object's <c>alg</c> header.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The policy profile applied, when the client's policy was resolved.</summary>
    public string? Profile { get; init; }

    /// <summary>What this record is a step of; <see cref="JarTrailStep.Request"/> for the engine's own decisions.</summary>
    public JarTrailStep Step { get; init; } = JarTrailStep.Request;

    /// <summary>
    /// The trail this record belongs to: one per authorization, from its first decision (PAR, or the authorization
    /// endpoint) to the last redemption of what was issued for it.
    /// </summary>
    public string? TrailId { get; init; }

    /// <summary>The intent hash (<see cref="JarIntent"/>) of the accepted request, computed once and carried.</summary>
    public string? IntentHash { get; init; }

    /// <summary>The user, from consent on; the actor of an administrative event.</summary>
    public string? Subject { get; init; }

    /// <summary>Space-separated scopes: granted at consent (requested ones when denied).</summary>
    public string? Scopes { get; init; }

    /// <summary>The identifiers of the tokens issued at this step (never the tokens or codes themselves).</summary>
    public IReadOnlyList<string> TokenIds { get; init; } = [];

    /// <summary>Why a later step refused (an OAuth error and its description), or the reason given for an administrative event.</summary>
    public string? Reason { get; init; }

    /// <summary>Free detail of an administrative event (what changed: before and after).</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// True when the engine accepted a reference to a pushed request (<c>request_uri</c>) without seeing the request
    /// itself: such a decision is not recorded by the engine; the host records what it finally answers once it has
    /// restored the pushed request (carrying that request's trail) or failed to (JAR701).
    /// </summary>
    public bool AwaitsReference { get; init; }

    /// <summary>The violation to answer with when refused.</summary>
    public JarViolation? Error => Outcome == JarOutcome.Refused ? Violations[0] : null;
}
