namespace Jar.IdentityServer.Extensions;

/// <summary>The engine's answer to one authorization request. Immutable; recorded as the audit trail.</summary>
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

    /// <summary>The object's <c>jti</c>, when it had a valid one.</summary>
    public string? JwtId { get; init; }

    /// <summary>The object's <c>kid</c> header.</summary>
    public string? KeyId { get; init; }

    /// <summary>The object's <c>alg</c> header.</summary>
    public string? Algorithm { get; init; }

    /// <summary>The policy profile applied, when the client's policy was resolved.</summary>
    public string? Profile { get; init; }

    /// <summary>The violation to answer with when refused.</summary>
    public JarViolation? Error => Outcome == JarOutcome.Refused ? Violations[0] : null;
}
