using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions.Diagnostics;
using Jar.IdentityServer.Extensions.RequestObjects;
using Jar.IdentityServer.Extensions.Rules.Authorization;
using Jar.IdentityServer.Extensions.Rules.RequestObject;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>The engine's one implementation of <see cref="IJarRequestValidator"/>.</summary>
internal sealed class JarRequestValidator : IJarRequestValidator
{
    private readonly IJarPolicyStore _policies;
    private readonly IReplayLedger _ledger;
    private readonly IJarDecisionSink[] _sinks;
    private readonly TimeProvider _time;
    private readonly JarHardeningOptions _options;
    private readonly JarTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly DecryptionKeyRing _decryptionKeys;

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
        _decryptionKeys = decryptionKeys;
        _policies = policies;
        _ledger = ledger;
        _sinks = sinks.ToArray();
        _time = time;
        _options = options.Value;
        _telemetry = telemetry;
        _logger = logger;
    }

    public async ValueTask<JarDecision> ValidateAsync(JarRequest request, JarClient? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = JarTelemetry.ActivitySource.StartActivity("jar.validate");
        var decision = await DecideAsync(request, client, cancellationToken).ConfigureAwait(false);
        decision = await RecordAsync(decision, cancellationToken).ConfigureAwait(false);
        Report(decision, activity);
        return decision;
    }

    private async ValueTask<JarDecision> DecideAsync(JarRequest request, JarClient? client, CancellationToken cancellationToken)
    {
        var draft = new Draft(request.Endpoint, _time.GetUtcNow());

        // The envelope: RFC 6749 §3.1, RFC 9101 §5, RFC 9126 §2.1.
        foreach (var parameter in request.Parameters)
        {
            if (parameter.Value.Count > 1)
            {
                return draft.Refuse(JarRules.ParameterRepeated, "A parameter was sent more than once.");
            }
        }

        var requestObject = request[Names.Request];
        var requestUri = request[Names.RequestUri];
        // An empty 'request' or 'request_uri' is a malformed one, never a request without it.
        if (requestObject is null && request.Parameters.ContainsKey(Names.Request))
        {
            return draft.Refuse(JarRules.RequestObjectMalformed, "The 'request' parameter is empty.");
        }

        if (requestUri is null && request.Parameters.ContainsKey(Names.RequestUri))
        {
            return draft.Refuse(JarRules.RequestUriNotPushed, "The 'request_uri' parameter is empty.");
        }

        if (requestObject is not null && requestUri is not null)
        {
            return draft.Refuse(JarRules.RequestAndRequestUri, "'request' and 'request_uri' must not be sent together.");
        }

        if (requestUri is not null && request.Endpoint == JarEndpoint.PushedAuthorization)
        {
            return draft.Refuse(JarRules.RequestUriAtPar, "'request_uri' must not be sent to the PAR endpoint.");
        }

        var clientId = request[Names.ClientId] ?? request.AuthenticatedClientId;
        if (clientId is null)
        {
            return draft.Refuse(JarRules.ClientIdMissing, "The request has no client_id.");
        }

        draft.ClientId = clientId;
        if (client is null || !string.Equals(client.ClientId, clientId, StringComparison.Ordinal))
        {
            return draft.Refuse(JarRules.ClientUnknown, "The client_id is not a registered client.");
        }

        JarPolicy policy;
        try
        {
            policy = await _policies.GetPolicyAsync(clientId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JarLog.StoreFailed(_logger, e, "policy", clientId);
            return draft.Refuse(JarRules.StoreUnavailable, "The authorization server cannot decide right now; try again later.");
        }

        draft.Profile = policy.Profile;
        if (requestUri is not null)
        {
            // RFC 9126 §4: only this server's own pushed requests are taken by reference, never fetched from elsewhere
            // (RFC 9101 §10.4). The host restores and already validated them at the PAR endpoint.
            if (!requestUri.StartsWith(Names.PushedRequestUriPrefix, StringComparison.Ordinal))
            {
                return draft.Refuse(JarRules.RequestUriNotPushed, "Only request_uri values issued by this server's PAR endpoint are accepted.");
            }

            return request.PushedParameters is { } pushed && Rules.Assembly.PushedRequestOuterParametersRule.Check(request, pushed, policy) is { } beside
                ? draft.Decide(beside.Rule.Kind == JarRuleKind.Policy && policy.Mode == EnforcementMode.ReportOnly ? JarOutcome.ReportOnly : JarOutcome.Refused, [beside], null)
                : draft.Accept();
        }

        IReadOnlyDictionary<string, string> parameters;
        DateTimeOffset expiresAt = default;
        var encrypted = false;
        var violations = new List<JarViolation>();
        if (requestObject is not null)
        {
            var verified = Verify(request, client, policy, requestObject, draft);
            if (verified.Violation is { } violation)
            {
                return draft.Refuse(violation);
            }

            parameters = verified.Parameters!;
            expiresAt = verified.ExpiresAt;
            encrypted = verified.Encrypted;
            if (policy.OuterParameters == OuterParameterHandling.RejectMismatch)
            {
                CheckOuterParameters(request, parameters, violations);
            }
        }
        else
        {
            parameters = OuterParameters(request);
        }

        var context = new AuthorizationRequestContext(request, client, policy, parameters, requestObject is not null, encrypted);
        foreach (var rule in JarPipeline.AuthorizationRequestRules)
        {
            rule.Check(context, violations);
        }

        if (violations.Count > 0 && policy.Mode == EnforcementMode.Enforce)
        {
            return draft.Decide(JarOutcome.Refused, violations, null);
        }

        // Last: a refused object never burns its jti (RFC 9101 §10.2, one-time use).
        if (draft.JwtId is { } jti)
        {
            try
            {
                if (!await _ledger.TryConsumeAsync(clientId, jti, expiresAt + policy.ClockSkew, cancellationToken).ConfigureAwait(false))
                {
                    return draft.Refuse(JarRules.JwtIdReplayed, "The request object has been used before.");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                JarLog.StoreFailed(_logger, e, "replay ledger", clientId);
                return draft.Refuse(JarRules.StoreUnavailable, "The authorization server cannot decide right now; try again later.");
            }
        }

        return violations.Count > 0
            ? draft.Decide(JarOutcome.ReportOnly, violations, requestObject is null ? null : parameters)
            : draft.Accept(requestObject is null ? null : parameters);
    }

    private Verified Verify(JarRequest request, JarClient client, JarPolicy policy, string requestObject, Draft draft)
    {
        draft.RequestObjectHash = Hash(requestObject);
        if (requestObject.Length > _options.MaxRequestObjectLength)
        {
            return new(new JarViolation(JarRules.RequestObjectTooLarge, "The request object is too large."));
        }

        var encrypted = CompactJws.CountSegments(requestObject) == 5;
        if (encrypted)
        {
            if (Decrypt(requestObject, policy, out var violation) is not { } signed)
            {
                return new(violation!);
            }

            requestObject = signed;
        }

        if (CompactJws.TryParse(requestObject, out var malformed) is not { } jws)
        {
            return new(new JarViolation(JarRules.RequestObjectMalformed, malformed!));
        }

        var header = jws.Header;
        draft.Algorithm = header.Algorithm;
        draft.KeyId = header.KeyId;

        // RFC 8725 §3.1: the algorithm is checked against the allow-list before any key is looked at.
        if (header.Algorithm == SecurityAlgorithms.None)
        {
            // RFC 9101 §10.2(b): anyone can encrypt to the server; only the inner signature says who asked.
            return new(encrypted
                ? new JarViolation(JarRules.EncryptedObjectNotSigned, "The encrypted request object does not contain a signed request object.")
                : new JarViolation(JarRules.AlgorithmNone, "Unsigned request objects are not accepted."));
        }

        if (!policy.AllowedSigningAlgorithms.Contains(header.Algorithm))
        {
            return new(new JarViolation(JarRules.AlgorithmNotAllowed, "The request object's signing algorithm is not allowed for this client."));
        }

        if (header.HasUnsupportedMembers)
        {
            return new(new JarViolation(JarRules.HeaderUnsupported, "The request object's header uses an extension this server does not support."));
        }

        var keys = new List<SecurityKey>(2);
        switch (SigningKeySelector.Select(client, header.Algorithm, header.KeyId, keys))
        {
            case SigningKeySelector.Outcome.KeyIdUnknown:
                return new(new JarViolation(JarRules.KeyIdUnknown, "The request object's 'kid' names no key of this client."));
            case SigningKeySelector.Outcome.NoUsableKey:
                return new(new JarViolation(JarRules.NoUsableKey, "This client has no registered key for the request object's algorithm."));
        }

        if (!SignatureVerifies(requestObject, header.Algorithm, keys))
        {
            return new(new JarViolation(JarRules.SignatureInvalid, "The request object's signature does not verify with this client's key."));
        }

        var context = new RequestObjectContext(request, client, policy, header, jws.Claims, draft.DecidedAt);
        foreach (var rule in JarPipeline.RequestObjectRules)
        {
            if (rule.Check(context) is { } violation)
            {
                return new(violation);
            }
        }

        NumericDate.Read(context, Names.ExpiresAt, out var expiresAt);
        if (jws.Claims.TryGetValue(Names.JwtId, out var jti))
        {
            draft.JwtId = jti.Text;
        }

        // RFC 9101 §6.3: only the object's parameters count.
        var parameters = new RequestObjectParameters(jws.Claims);

        return new(parameters, expiresAt, encrypted);
    }

    /// <summary>
    /// RFC 7515 §5.2 step 8: the signature over the exact signing input, by Microsoft.IdentityModel's signature
    /// providers. The claims are read once, by <see cref="CompactJws"/>, and judged by the rules: a second JWT reader
    /// would refuse claim types it dislikes before the rules see them, and the refusal would read as a bad signature.
    /// </summary>
    private static bool SignatureVerifies(string requestObject, string algorithm, List<SecurityKey> keys)
    {
        var dot = requestObject.LastIndexOf('.');
        var signature = Base64UrlEncoder.DecodeBytes(requestObject[(dot + 1)..]);
        if (signature.Length == 0)
        {
            return false;
        }

        // CompactJws admitted only base64url characters, so the signing input is ASCII as received.
        var signingInput = Encoding.ASCII.GetBytes(requestObject, 0, dot);
        foreach (var key in keys)
        {
            var factory = key.CryptoProviderFactory;
            if (!factory.IsSupportedAlgorithm(algorithm, key))
            {
                continue;
            }

            var provider = factory.CreateForVerifying(key, algorithm);
            try
            {
                if (provider.Verify(signingInput, signature))
                {
                    return true;
                }
            }
            catch (CryptographicException)
            {
                // A signature of the wrong shape for this key does not verify.
            }
            finally
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }

        return false;
    }

    /// <summary>RFC 9101 §6.1: decrypts a nested request object; the plaintext must be the client's signed object.</summary>
    private string? Decrypt(string requestObject, JarPolicy policy, out JarViolation? violation)
    {
        violation = null;
        if (_decryptionKeys.IsEmpty)
        {
            violation = new JarViolation(JarRules.RequestObjectEncrypted, "Encrypted request objects are not accepted by this server.");
            return null;
        }

        switch (NestedJwe.TryDecrypt(requestObject, _decryptionKeys, policy.AllowedEncryptionAlgorithms, out var plaintext))
        {
            case NestedJwe.Outcome.Malformed:
                violation = new JarViolation(JarRules.RequestObjectMalformed, "The encrypted request object is not a well-formed compact JWE (RFC 7516 §7.1).");
                return null;
            case NestedJwe.Outcome.NotAllowed:
                violation = new JarViolation(JarRules.EncryptionAlgorithmNotAllowed, "The request object's encryption algorithm is not allowed for this client.");
                return null;
            case NestedJwe.Outcome.Failed:
                violation = new JarViolation(JarRules.DecryptionFailed, "The request object could not be decrypted.");
                return null;
        }

        // RFC 9101 §4, §10.2(b): sign, then encrypt; anything but a compact JWS inside is unauthenticated.
        if (CompactJws.CountSegments(plaintext!) != 3)
        {
            violation = new JarViolation(JarRules.EncryptedObjectNotSigned, "The encrypted request object does not contain a signed request object.");
            return null;
        }

        return plaintext;
    }

    private static void CheckOuterParameters(JarRequest request, IReadOnlyDictionary<string, string> inner, List<JarViolation> violations)
    {
        foreach (var (name, values) in request.Parameters)
        {
            if (name is Names.Request or Names.ClientId || Names.IsClientAuthentication(name))
            {
                continue;
            }

            if (!inner.TryGetValue(name, out var value) || !string.Equals(value, values[0], StringComparison.Ordinal))
            {
                violations.Add(new JarViolation(JarRules.OuterParameterMismatch, "A parameter outside the request object is missing from it or differs from it."));
                return;
            }
        }
    }

    private static Dictionary<string, string> OuterParameters(JarRequest request)
    {
        var parameters = new Dictionary<string, string>(request.Parameters.Count, StringComparer.Ordinal);
        foreach (var (name, values) in request.Parameters)
        {
            if (!Names.IsClientAuthentication(name) && values.Count == 1 && values[0] is { } value)
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }

    private static string Hash(string requestObject)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var max = Encoding.UTF8.GetMaxByteCount(requestObject.Length);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(requestObject, buffer);
            SHA256.HashData(buffer.AsSpan(0, length), digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(digest);
    }

    private async ValueTask<JarDecision> RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.RecordAsync(decision, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // No request is served without its record: an accepted decision that cannot be recorded is refused.
                JarLog.StoreFailed(_logger, e, "decision records", decision.ClientId);
                if (decision.Outcome != JarOutcome.Refused)
                {
                    return decision with
                    {
                        Outcome = JarOutcome.Refused,
                        Parameters = null,
                        Violations = [new JarViolation(JarRules.StoreUnavailable, "The authorization server cannot decide right now; try again later."), .. decision.Violations],
                    };
                }
            }
        }

        return decision;
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

    private readonly record struct Verified(JarViolation? Violation, IReadOnlyDictionary<string, string>? Parameters, DateTimeOffset ExpiresAt, bool Encrypted)
    {
        public Verified(JarViolation violation)
            : this(violation, null, default, false)
        {
        }

        public Verified(IReadOnlyDictionary<string, string> parameters, DateTimeOffset expiresAt, bool encrypted)
            : this(null, parameters, expiresAt, encrypted)
        {
        }
    }

    /// <summary>What is known of the decision so far; every exit turns it into one immutable decision.</summary>
    private sealed class Draft(JarEndpoint endpoint, DateTimeOffset decidedAt)
    {
        public DateTimeOffset DecidedAt { get; } = decidedAt;

        public string? ClientId { get; set; }

        public string? Profile { get; set; }

        public string? RequestObjectHash { get; set; }

        public string? Algorithm { get; set; }

        public string? KeyId { get; set; }

        public string? JwtId { get; set; }

        public JarDecision Refuse(JarRule rule, string description) => Refuse(new JarViolation(rule, description));

        public JarDecision Refuse(JarViolation violation) => Decide(JarOutcome.Refused, [violation], null);

        public JarDecision Accept(IReadOnlyDictionary<string, string>? parameters = null) => Decide(JarOutcome.Accepted, [], parameters);

        public JarDecision Decide(JarOutcome outcome, IReadOnlyList<JarViolation> violations, IReadOnlyDictionary<string, string>? parameters) => new()
        {
            Outcome = outcome,
            DecidedAt = DecidedAt,
            Endpoint = endpoint,
            ClientId = ClientId,
            Violations = violations,
            Parameters = parameters,
            RequestObjectHash = RequestObjectHash,
            JwtId = JwtId,
            KeyId = KeyId,
            Algorithm = Algorithm,
            Profile = Profile,
        };
    }
}
