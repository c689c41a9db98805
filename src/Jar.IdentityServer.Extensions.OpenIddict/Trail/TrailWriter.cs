using Microsoft.Extensions.Logging;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Jar.IdentityServer.Extensions.OpenIddict.Trail;

/// <summary>Appends a record; a failure is logged and reported, so the caller refuses (fail closed, JAR901).</summary>
internal static class TrailWriter
{
    public const string Unavailable = "The authorization server cannot decide right now; try again later.";

    public static async ValueTask<bool> TryAppendAsync(IJarTrail trail, JarDecision record, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await trail.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            OpenIddictJarLog.TrailStoreFailed(logger, e, record.Step, record.ClientId);
            return false;
        }
    }

    /// <summary>An acceptance that cannot be recorded is refused: temporarily_unavailable, JAR901.</summary>
    public static void RejectUnavailable(BaseValidatingContext context) =>
        context.Reject(JarRules.StoreUnavailable.Error, $"{Unavailable} (rule {JarRules.StoreUnavailable.Id})");
}
