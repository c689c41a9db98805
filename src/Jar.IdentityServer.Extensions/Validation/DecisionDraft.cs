namespace Jar.IdentityServer.Extensions;

/// <summary>What is known of the decision so far; every exit of the pipeline turns it into one immutable decision.</summary>
internal sealed class DecisionDraft(JarEndpoint endpoint, DateTimeOffset decidedAt)
{
    public JarEndpoint Endpoint { get; } = endpoint;

    public DateTimeOffset DecidedAt { get; } = decidedAt;

    public string? ClientId { get; set; }

    public string? Profile { get; set; }

    public string? RequestObjectHash { get; set; }

    public string? Algorithm { get; set; }

    public string? KeyId { get; set; }

    public string? JwtId { get; set; }

    public string? IntentHash { get; set; }

    /// <summary>The signed request object (compact JWS) whose signature and claims verified; the inner one of a JWE.</summary>
    public string? SignedRequestObject { get; set; }

    /// <summary>Whether the request object arrived encrypted.</summary>
    public bool RequestObjectEncrypted { get; set; }

    public JarDecision Refuse(JarRule rule, string description) => Refuse(new JarViolation(rule, description));

    public JarDecision Refuse(JarViolation violation) => Decide(JarOutcome.Refused, [violation], null);

    public JarDecision Accept(IReadOnlyDictionary<string, string>? parameters = null) => Decide(JarOutcome.Accepted, [], parameters);

    public JarDecision Decide(JarOutcome outcome, IReadOnlyList<JarViolation> violations, IReadOnlyDictionary<string, string>? parameters) => new()
    {
        Outcome = outcome,
        DecidedAt = DecidedAt,
        Endpoint = Endpoint,
        ClientId = ClientId,
        Violations = violations,
        Parameters = parameters,
        RequestObjectHash = RequestObjectHash,
        JwtId = JwtId,
        KeyId = KeyId,
        Algorithm = Algorithm,
        Profile = Profile,
        TrailId = JarTrailIds.New(DecidedAt),
        IntentHash = outcome == JarOutcome.Refused ? null : IntentHash,

        // Only a served request carries the object it was decided on: a refusal proves no intent.
        RequestObject = outcome == JarOutcome.Refused ? null : SignedRequestObject,
        RequestObjectEncrypted = outcome != JarOutcome.Refused && SignedRequestObject is not null && RequestObjectEncrypted,
    };
}
