namespace Jar.IdentityServer.Extensions;

/// <summary>Trail identifiers: version 7 UUIDs (RFC 9562 §5.7), time-ordered, unguessable, never reused.</summary>
public static class JarTrailIds
{
    /// <summary>A new trail id, as 32 lower-case hex digits.</summary>
    public static string New(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
