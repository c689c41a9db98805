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
    /// Keep the signed request object beside its record (off by default). The trail then proves the intent on its
    /// own, but keeps whatever personal data the object holds (<c>login_hint</c>, <c>claims</c>) for as long as the
    /// record is retained.
    /// </summary>
    public bool KeepRequestObjects { get; set; }
}
