namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// One record of the decision trail (table <c>JarDecisionRecords</c>): a decision of the engine, or a later step of
/// the same authorization (consent, code, redemption), or an administrative event. Holds nothing secret: the request
/// object itself is kept only as its SHA-256 (unless evidence is kept, see <see cref="JarAuditOptions.KeepRequestObjects"/>),
/// no parameter value is stored, and tokens and codes only by their identifiers. Records are chained: each holds the
/// hash of the one before it (<see cref="PreviousHash"/>) and its own (<see cref="Hash"/>).
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

    /// <summary>The length of a trail id: 32 hex digits.</summary>
    public const int TrailIdLength = 32;

    /// <summary>The length of a SHA-256 in unpadded base64url: the intent hash and the chain hashes.</summary>
    public const int Base64UrlHashLength = 43;

    /// <summary>The bound of <see cref="Subject"/>.</summary>
    public const int MaxSubjectLength = 256;

    /// <summary>The bound of <see cref="Scopes"/>, <see cref="TokenIds"/> and <see cref="Reason"/>.</summary>
    public const int MaxTextLength = 1024;

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

    /// <summary>The position of the record in the chain (1, 2, ...); null for records written before the chain existed.</summary>
    public long? Sequence { get; set; }

    /// <summary>The trail: every record of one authorization shares it.</summary>
    public string? TrailId { get; set; }

    /// <summary>The step of the authorization this record stands for.</summary>
    public JarTrailStep Step { get; set; }

    /// <summary>The intent hash of the accepted request (base64url SHA-256 of its RFC 8785 form).</summary>
    public string? IntentHash { get; set; }

    /// <summary>The user, from consent on; the actor of an administrative event.</summary>
    public string? Subject { get; set; }

    /// <summary>Space-separated scopes (granted at consent).</summary>
    public string? Scopes { get; set; }

    /// <summary>OpenIddict token ids issued at this step, comma-separated (never a code or token).</summary>
    public string? TokenIds { get; set; }

    /// <summary>Why a later step refused, or an administrative event's reason.</summary>
    public string? Reason { get; set; }

    /// <summary>Detail of the step: scopes requested at consent; before and after of an administrative event.</summary>
    public string? Detail { get; set; }

    /// <summary>
    /// The signed request object itself (compact JWS; for an encrypted one, the signed JWS inside it), kept as evidence
    /// on the record that verified it only when <see cref="JarAuditOptions.KeepRequestObjects"/> is on; never on a
    /// refusal. Part of the hashed form: replacing it breaks the chain here.
    /// </summary>
    public string? RequestObject { get; set; }

    /// <summary>The <see cref="Hash"/> of the record before this one in the chain (empty for the first).</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (base64url) over <see cref="PreviousHash"/> and this record's canonical form.</summary>
    public string? Hash { get; set; }
}
