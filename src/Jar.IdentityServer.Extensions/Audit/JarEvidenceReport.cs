namespace Jar.IdentityServer.Extensions;

/// <summary>What re-verifying one kept request object against its record found (<see cref="JarEvidence.Verify"/>).</summary>
/// <param name="Signature">Whether the object's signature verifies with the client's key.</param>
/// <param name="KeyId">The object's <c>kid</c> header, when it has one.</param>
/// <param name="Algorithm">The object's <c>alg</c> header, when it could be read.</param>
/// <param name="SignatureDetail">Why the signature failed or could not be verified, in words; null when verified.</param>
/// <param name="RecomputedIntentHash">The intent hash recomputed from the object's claims; null when they cannot be read.</param>
/// <param name="IntentMatches">Whether the recomputed intent hash equals the recorded one.</param>
/// <param name="ObjectHashMatches">
/// Whether the object's SHA-256 equals the recorded request object hash; null when there is nothing to compare with
/// (the object arrived encrypted: the recorded hash is that of the JWE around it).
/// </param>
public sealed record JarEvidenceReport(
    JarEvidenceSignature Signature,
    string? KeyId,
    string? Algorithm,
    string? SignatureDetail,
    string? RecomputedIntentHash,
    bool IntentMatches,
    bool? ObjectHashMatches)
{
    /// <summary>True when something differs from the record or the signature fails: the kept object is not the evidence it claims to be.</summary>
    public bool Contradicts => Signature == JarEvidenceSignature.Failed || !IntentMatches || ObjectHashMatches == false;
}
