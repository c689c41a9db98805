using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions;

/// <summary>RFC 9101 §6.1: decrypts a nested request object; the plaintext must be the client's signed object.</summary>
internal sealed class DecryptionStage(DecryptionKeyRing keys)
{
    public string? Decrypt(string requestObject, JarPolicy policy, out JarViolation? violation)
    {
        violation = null;
        if (keys.IsEmpty)
        {
            violation = new JarViolation(JarRules.RequestObjectEncrypted, "Encrypted request objects are not accepted by this server.");
            return null;
        }

        switch (NestedJwe.TryDecrypt(requestObject, keys, policy.AllowedEncryptionAlgorithms, out var plaintext))
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
}
