using System.Diagnostics;
using Jar.IdentityServer.Extensions.Diagnostics;
using Jar.IdentityServer.Extensions.RequestObjects;
using Jar.IdentityServer.Extensions.Rules.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The engine's one implementation of <see cref="IJarRequestValidator"/>: the whole path of a request, stage by stage,
/// in the order they answer. Each stage is its own type; the rules they run are listed in <see cref="JarPipeline"/>.
/// </summary>
internal sealed class JarRequestValidator : IJarRequestValidator
{
    private readonly PolicyStage _policy;
    private readonly VerificationStage _verification;
    private readonly LedgerStage _ledger;
    private readonly RecordStage _record;
    private readonly TimeProvider _time;
    private readonly JarTelemetry _telemetry;
    private readonly ILogger _logger;

    public JarRequestValidator(
        IJarPolicyStore policies,
        IReplayLedger ledger,
        IEnumerable<IJarDecisionSink> sinks,
        TimeProvider time,
        IOptions<JarHardeningOptions> options,
        JarTelemetry telemetry,
        ILogger<JarRequestValidator> logger,
        DecryptionKeyRing decryptionKeys)
    {
        _policy = new PolicyStage(policies, logger);
        _verification = new VerificationStage(new DecryptionStage(decryptionKeys), options.Value.MaxRequestObjectLength);
        var all = sinks.ToArray();
        _ledger = new LedgerStage(ledger, all, logger);
        _record = new RecordStage(all, logger);
        _time = time;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async ValueTask<JarDecision> ValidateAsync(JarRequest request, JarClient? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = JarTelemetry.ActivitySource.StartActivity("jar.validate");
        var (decision, recordedBy) = await DecideAsync(request, client, cancellationToken).ConfigureAwait(false);
        // 9. The record: no request is served without it (in every sink but the one that recorded it with the ledger).
        decision = await _record.RecordAsync(decision, recordedBy, cancellationToken).ConfigureAwait(false);
        Report(decision, activity);
        return decision;
    }

    private async ValueTask<(JarDecision Decision, IJarDecisionSink? RecordedBy)> DecideAsync(JarRequest request, JarClient? client, CancellationToken cancellationToken)
    {
        var draft = new DecisionDraft(request.Endpoint, _time.GetUtcNow());

        // 1. The envelope: parameters, request or request_uri, a registered client.
        if (EnvelopeStage.Check(request, client, draft) is { } malformed)
        {
            return (draft.Refuse(malformed), null);
        }

        // 2. The client's policy (fail closed when its store cannot answer).
        if (await _policy.ResolveAsync(draft.ClientId!, cancellationToken).ConfigureAwait(false) is not { } policy)
        {
            return (draft.Refuse(JarViolations.StoreUnavailable), null);
        }

        draft.Profile = policy.Profile;

        // 3. A reference to a pushed request: decided at the PAR endpoint, restored by the host.
        if (request[Names.RequestUri] is { } requestUri)
        {
            if (EnvelopeStage.CheckReference(requestUri) is { } notPushed)
            {
                return (draft.Refuse(notPushed), null);
            }

            // OpenID Connect Core §6.1, RFC 9126 §4: parameters sent beside the reference must not contradict the pushed request.
            return (request.PushedParameters is { } pushed && Rules.Assembly.PushedRequestOuterParametersRule.Check(request, pushed, policy) is { } beside
                ? draft.Decide(beside.Rule.Kind == JarRuleKind.Policy && policy.Mode == EnforcementMode.ReportOnly ? JarOutcome.ReportOnly : JarOutcome.Refused, [beside], null)
                : draft.Accept() with { AwaitsReference = true }, null);
        }

        // 4. Decryption and verification of the request object, and its claims.
        var requestObject = request[Names.Request];
        var verified = default(VerifiedRequestObject);
        if (requestObject is not null)
        {
            verified = _verification.Verify(request, client!, policy, requestObject, draft);
            if (verified.Violation is { } violation)
            {
                return (draft.Refuse(violation), null);
            }
        }

        // 5. Assembly: the parameters that count.
        var violations = new List<JarViolation>();
        var parameters = AssemblyStage.Assemble(request, policy, verified.Parameters, violations);

        // 6. The client's policy over the assembled request.
        PolicyStage.Check(new AuthorizationRequestContext(request, client!, policy, parameters, requestObject is not null, verified.Encrypted), violations);
        if (violations.Count > 0 && policy.Mode == EnforcementMode.Enforce)
        {
            return (draft.Decide(JarOutcome.Refused, violations, null), null);
        }

        // 7. The intent hash of what counts, computed once, here (RFC 8785, SHA-256); carried from now on.
        if (IntentStage.Compute(draft, verified.Claims, parameters) is { } notCanonical)
        {
            return (draft.Refuse(notCanonical), null);
        }

        var applied = requestObject is null ? null : parameters;
        var decided = violations.Count > 0 ? draft.Decide(JarOutcome.ReportOnly, violations, applied) : draft.Accept(applied);

        // 8. The replay ledger, last: a refused object never burns its jti (RFC 9101 §10.2). Where the ledger and a
        // decision sink share a store, one transaction consumes the jti and records what follows from it.
        return draft.JwtId is { } jti
            ? await _ledger.ConsumeAsync(draft, jti, verified.ExpiresAt + policy.ClockSkew, decided, cancellationToken).ConfigureAwait(false)
            : (decided, null);
    }

    private void Report(JarDecision decision, Activity? activity)
    {
        _telemetry.Count(decision);
        switch (decision.Outcome)
        {
            case JarOutcome.Accepted:
                JarLog.Accepted(_logger, decision.ClientId, decision.Endpoint, decision.Profile, decision.RequestObjectHash);
                break;
            case JarOutcome.Refused:
                var error = decision.Error!;
                JarLog.Refused(_logger, decision.ClientId, decision.Endpoint, error.Rule.Id, error.Rule.Error, error.Description);
                break;
            default:
                JarLog.ReportOnly(_logger, decision.ClientId, decision.Endpoint, string.Join(',', decision.Violations.Select(v => v.Rule.Id)));
                break;
        }

        if (activity is not null)
        {
            activity.SetTag("oauth.client_id", decision.ClientId);
            activity.SetTag("jar.outcome", decision.Outcome.ToString());
            activity.SetTag("jar.rule_id", decision.Violations.Count > 0 ? decision.Violations[0].Rule.Id : null);
            if (decision.Outcome == JarOutcome.Refused)
            {
                activity.SetStatus(ActivityStatusCode.Error, decision.Error!.Rule.Id);
            }
        }
    }
}
