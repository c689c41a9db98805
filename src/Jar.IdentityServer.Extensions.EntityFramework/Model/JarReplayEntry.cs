namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// One consumed request object <c>jti</c> (table <c>JarReplayEntries</c>). The primary key is
/// (<see cref="ClientId"/>, <see cref="JwtId"/>): consuming is one INSERT that the key makes atomic across every
/// instance sharing the database (RFC 9101 §10.2, RFC 7519 §4.1.7).
/// </summary>
public sealed class JarReplayEntry
{
    /// <summary>The longest <c>jti</c> the engine accepts (its JwtId rule), and so the column's bound.</summary>
    public const int MaxJwtIdLength = 256;

    /// <summary>The client the object was issued by.</summary>
    public string ClientId { get; set; } = null!;

    /// <summary>The object's <c>jti</c>, exactly as sent.</summary>
    public string JwtId { get; set; } = null!;

    /// <summary>When the object expires (its <c>exp</c> plus the clock skew); the entry may be pruned after it.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
