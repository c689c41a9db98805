using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;

/// <summary>Every log line of the Entity Framework Core stores, declared once with its event id.</summary>
internal static partial class JarStoreLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "JAR replay ledger: {Count} expired entries pruned.")]
    public static partial void ReplayPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "JAR replay ledger: pruning failed; retrying at the next interval.")]
    public static partial void ReplayPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "JAR policy of client {ClientId} stored (profile {Profile}, revision {Revision}).")]
    public static partial void PolicyStored(ILogger logger, string clientId, string profile, int revision);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "JAR policy of client {ClientId} seeded from configuration.")]
    public static partial void PolicySeeded(ILogger logger, string clientId);

    // The whole checkpoint goes to the log too: a second copy outside the database, beside the checkpoint file.
    [LoggerMessage(EventId = 4802, Level = LogLevel.Information, Message = "Decision chain checkpoint ({Kind}) signed at position {Sequence}, hash {Hash}: {Jws}")]
    public static partial void CheckpointSigned(ILogger logger, string kind, long sequence, string hash, string jws);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Error, Message = "The decision chain checkpoint could not be signed or written.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Warning, Message = "Appending {Count} decision records in one transaction failed; each is tried in a transaction of its own.")]
    public static partial void ChainBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "JAR policy of client {ClientId} loosened by {Actor}: {Loosenings}. Reason: {Reason}")]
    public static partial void PolicyLoosened(ILogger logger, string clientId, string actor, string loosenings, string reason);
}
