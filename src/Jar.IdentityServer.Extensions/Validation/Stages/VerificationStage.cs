using System.Security.Cryptography;
using System.Text;
using Jar.IdentityServer.Extensions.RequestObjects;
using Jar.IdentityServer.Extensions.Rules.RequestObject;
using Microsoft.IdentityModel.Tokens;
using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The request object itself: size, decryption (<see cref="DecryptionStage"/>), strict JWS syntax, the header
/// (alg, crit), the client's key, the signature, then <see cref="JarPipeline.RequestObjectRules"/> over the claims.
/// </summary>
internal sealed class VerificationStage(DecryptionStage decryption, int maxRequestObjectLength)
{
    public VerifiedRequestObject Verify(JarRequest request, JarClient client, JarPolicy policy, string requestObject, DecisionDraft draft)
    {
        draft.RequestObjectHash = Sha256.Hex(requestObject);
        if (requestObject.Length > maxRequestObjectLength)
        {
            return new(new JarViolation(JarRules.RequestObjectTooLarge, "The request object is too large."));
        }

        var encrypted = CompactJws.CountSegments(requestObject) == 5;
        if (encrypted)
        {
            if (decryption.Decrypt(requestObject, policy, out var violation) is not { } signed)
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

        // The exact signed object verified (after decryption: the server's decryption keys rotate, the client's
        // signature is what proves the intent), kept by sinks that are configured to keep evidence.
        draft.SignedRequestObject = requestObject;
        draft.RequestObjectEncrypted = encrypted;

        // RFC 9101 §6.3: only the object's parameters count.
        return new(jws.Claims, expiresAt, encrypted);
    }

    /// <summary>
    /// RFC 7515 §5.2 step 8: the signature over the exact signing input, by Microsoft.IdentityModel's signature
    /// providers. The claims are read once, by <see cref="CompactJws"/>, and judged by the rules: a second JWT reader
    /// would refuse claim types it dislikes before the rules see them, and the refusal would read as a bad signature.
    /// </summary>
    internal static bool SignatureVerifies(string requestObject, string algorithm, List<SecurityKey> keys)
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
}
