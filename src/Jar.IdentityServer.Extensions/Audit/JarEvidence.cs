using Jar.IdentityServer.Extensions.RequestObjects;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// Re-verifies a kept request object against the record it was accepted on: its signature with the client's
/// registered keys, its intent hash recomputed from its claims exactly as the engine computed it at acceptance
/// (<see cref="JarIntent"/>), and its SHA-256 against the recorded request object hash. Pure: the caller supplies the
/// client's registration.
/// </summary>
public static class JarEvidence
{
    /// <summary>Re-verifies <paramref name="requestObject"/>.</summary>
    /// <param name="requestObject">The kept signed request object (compact JWS).</param>
    /// <param name="client">The client's registration today; null when it is no longer registered.</param>
    /// <param name="clientId">The client the object was accepted for (the record's client id).</param>
    /// <param name="intentHash">The record's intent hash.</param>
    /// <param name="requestObjectHash">
    /// The record's lower-case hex SHA-256 of the object received; null when the object arrived encrypted (that hash
    /// is of the JWE, not of the kept signed object).
    /// </param>
    public static JarEvidenceReport Verify(string requestObject, JarClient? client, string clientId, string? intentHash, string? requestObjectHash)
    {
        ArgumentNullException.ThrowIfNull(requestObject);
        ArgumentNullException.ThrowIfNull(clientId);
        bool? objectHashMatches = requestObjectHash is null ? null : string.Equals(Sha256.Hex(requestObject), requestObjectHash, StringComparison.Ordinal);
        if (CompactJws.TryParse(requestObject, out var malformed) is not { } jws)
        {
            return new(JarEvidenceSignature.Failed, null, null, malformed, null, false, objectHashMatches);
        }

        string? recomputed;
        try
        {
            // The engine's own path (IntentStage): the claims as CompactJws read them, for the client accepted.
            recomputed = JarIntent.FromClaims(jws.Claims, clientId);
        }
        catch (FormatException)
        {
            recomputed = null;
        }

        var (signature, detail) = VerifySignature(requestObject, jws.Header, client, clientId);
        return new(signature, jws.Header.KeyId, jws.Header.Algorithm, detail, recomputed,
            recomputed is not null && string.Equals(recomputed, intentHash, StringComparison.Ordinal), objectHashMatches);
    }

    private static (JarEvidenceSignature, string?) VerifySignature(string requestObject, JoseHeader header, JarClient? client, string clientId)
    {
        if (header.Algorithm == SecurityAlgorithms.None)
        {
            return (JarEvidenceSignature.Failed, "the object is unsigned (alg none)");
        }

        if (client is null)
        {
            return (JarEvidenceSignature.CannotVerify, $"client {clientId} is no longer registered");
        }

        // The engine's key choice (RFC 9101 §6.2): only the client's registered keys; a named key and no other.
        var keys = new List<SecurityKey>(2);
        switch (SigningKeySelector.Select(client, header.Algorithm, header.KeyId, keys))
        {
            case SigningKeySelector.Outcome.KeyIdUnknown:
                return (JarEvidenceSignature.CannotVerify, $"key kid {header.KeyId} no longer registered");
            case SigningKeySelector.Outcome.NoUsableKey:
                return (JarEvidenceSignature.CannotVerify, header.KeyId is null
                    ? $"no key of client {clientId} registered now fits alg {header.Algorithm}"
                    : $"key kid {header.KeyId} no longer fits alg {header.Algorithm}");
        }

        return VerificationStage.SignatureVerifies(requestObject, header.Algorithm, keys)
            ? (JarEvidenceSignature.Verified, null)
            : (JarEvidenceSignature.Failed, header.KeyId is null
                ? $"the signature does not verify with client {clientId}'s keys for alg {header.Algorithm}"
                : $"the signature does not verify with key kid {header.KeyId}");
    }
}
