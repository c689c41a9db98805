using Jar.IdentityServer.Extensions.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// RFC 9101 §10.2 one-time use: consumes the object's <c>jti</c> in the replay ledger. Last of the deciding stages,
/// so that a refused object never burns its <c>jti</c>. When a decision sink's store holds the ledger
/// (<see cref="IJarLedgerDecisionSink"/>), the <c>jti</c> is consumed and the decision recorded in one transaction
/// there, and that sink is named so that the record stage does not record it twice.
/// </summary>
internal sealed class LedgerStage
{
    private readonly IReplayLedger _ledger;
    private readonly IJarLedgerDecisionSink? _holder;
    private readonly ILogger _logger;

    public LedgerStage(IReplayLedger ledger, IJarDecisionSink[] sinks, ILogger logger)
    {
        _ledger = ledger;
        _logger = logger;
        _holder = sinks.OfType<IJarLedgerDecisionSink>().FirstOrDefault(sink => sink.Holds(ledger));
    }

    /// <summary>
    /// <paramref name="decided"/> when the <c>jti</c> is consumed now, a refusal when it was consumed before (JAR406)
    /// or when the ledger cannot answer (JAR901); with the sink that already recorded the outcome, if one did.
    /// </summary>
    public async ValueTask<(JarDecision Decision, IJarDecisionSink? RecordedBy)> ConsumeAsync(
        DecisionDraft draft,
        string jwtId,
        DateTimeOffset until,
        JarDecision decided,
        CancellationToken cancellationToken)
    {
        var clientId = draft.ClientId!;
        try
        {
            if (_holder is not null)
            {
                var replayed = draft.Refuse(Replayed);
                if (await _holder.ConsumeAndRecordAsync(clientId, jwtId, until, decided, replayed, cancellationToken).ConfigureAwait(false) is { } recorded)
                {
                    return (recorded, _holder);
                }
            }

            return await _ledger.TryConsumeAsync(clientId, jwtId, until, cancellationToken).ConfigureAwait(false)
                ? (decided, null)
                : (draft.Refuse(Replayed), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing was consumed or recorded in the failed transaction: the refusal goes to every sink.
            JarLog.StoreFailed(_logger, e, _holder is null ? "replay ledger" : "replay ledger and decision records", clientId);
            return (draft.Refuse(JarViolations.StoreUnavailable), null);
        }
    }

    private static JarViolation Replayed => new(JarRules.JwtIdReplayed, "The request object has been used before.");
}
