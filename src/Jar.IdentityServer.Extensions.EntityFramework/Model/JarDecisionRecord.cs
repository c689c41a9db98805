namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// One decision of the engine, for the audit trail (table <c>JarDecisionRecords</c>). Holds nothing secret: the
/// request object itself is kept only as its SHA-256, and no parameter value is stored.
/// </summary>
public sealed class JarDecisionRecord
{
    /// <summary>The bound of <see cref="ClientId"/>; a longer (unregistered) client_id is cut to it.</summary>
    public const int MaxClientIdLength = JarClientPolicy.MaxClientIdLength;

    /// <summary>The bound of <see cref="RuleIds"/>.</summary>
    public const int MaxRuleIdsLength = 1024;

    /// <summary>The length of <see cref="RequestObjectHash"/>: 64 lower-case hex characters.</summary>
    public const int RequestObjectHashLength = 64;

    /// <summary>The bound of <see cref="KeyId"/>.</summary>
    public const int MaxKeyIdLength = 256;

    /// <summary>The bound of <see cref="Algorithm"/>.</summary>
    public const int MaxAlgorithmLength = 32;

    /// <summary>The record's identity, assigned by the database.</summary>
    public long Id { get; set; }

    /// <summary>When the decision was taken.</summary>
    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>The client named by the request, when one was (not necessarily a registered one).</summary>
    public string? ClientId { get; set; }

    /// <summary>The endpoint, as <see cref="JarEndpoint"/>'s name.</summary>
    public JarEndpoint Endpoint { get; set; }

    /// <summary>The outcome, as <see cref="JarOutcome"/>'s name.</summary>
    public JarOutcome Outcome { get; set; }

    /// <summary>The ids of the rules the request broke, comma-separated, the answered one first; empty when accepted.</summary>
    public string RuleIds { get; set; } = string.Empty;

    /// <summary>The policy profile applied, when the client's policy was resolved.</summary>
    public string? Profile { get; set; }

    /// <summary>Lower-case hex SHA-256 of the exact request object received, when one was sent.</summary>
    public string? RequestObjectHash { get; set; }

    /// <summary>The object's <c>jti</c>, when it had a valid one.</summary>
    public string? JwtId { get; set; }

    /// <summary>The object's <c>kid</c> header.</summary>
    public string? KeyId { get; set; }

    /// <summary>The object's <c>alg</c> header.</summary>
    public string? Algorithm { get; set; }
}
