namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The decision trail's checkpoints and evidence (configuration section <c>Jar:Audit</c> in the sample host).</summary>
public sealed class JarAuditOptions
{
    /// <summary>
    /// The checkpoint signing key: a private EC P-256 JWK in a file, never in the database (a database administrator
    /// must not be able to sign a rewritten chain). Generated there, readable by its owner only, when missing.
    /// </summary>
    public string CheckpointKeyFile { get; set; } = "jar-audit-checkpoint.key.json";

    /// <summary>The append-only file of signed checkpoints, one compact JWS a line.</summary>
    public string CheckpointFile { get; set; } = "jar-audit-checkpoints.jwsl";

    /// <summary>How often the host signs a checkpoint of the head; zero turns the timer off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Keep the signed request object in the record of the decision that verified it (off by default): the accepted
    /// record at the authorization endpoint for an object by value, the PAR record for a pushed one; never on a
    /// refusal. An encrypted object is kept as the signed JWS inside it, since the server's decryption keys rotate.
    /// The trail then proves the intent on its own (<see cref="IJarAuditTrail.VerifyEvidenceAsync"/>), but keeps
    /// whatever personal data the object holds (<c>login_hint</c>, <c>claims</c>, <c>id_token_hint</c>) for as long
    /// as the record is retained; pruning the record removes it. Turning it on or off never breaks the chain.
    /// </summary>
    public bool KeepRequestObjects { get; set; }
}
