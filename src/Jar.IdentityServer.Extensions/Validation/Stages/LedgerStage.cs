using Jar.IdentityServer.Extensions.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// RFC 9101 §10.2 one-time use: consumes the object's <c>jti</c> in the replay ledger. Last of the deciding stages,
/// so that a refused object never burns its <c>jti</c>.
/// </summary>
internal sealed class LedgerStage(IReplayLedger ledger, ILogger logger)
{
    public async ValueTask<JarViolation?> ConsumeAsync(string clientId, string jwtId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.TryConsumeAsync(clientId, jwtId, until, cancellationToken).ConfigureAwait(false)
                ? null
                : new(JarRules.JwtIdReplayed, "The request object has been used before.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JarLog.StoreFailed(logger, e, "replay ledger", clientId);
            return JarViolations.StoreUnavailable;
        }
    }
}
