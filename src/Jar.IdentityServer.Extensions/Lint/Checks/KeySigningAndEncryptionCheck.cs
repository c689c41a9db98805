using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL015: one key, one purpose (NIST SP 800-57 Part 1 §5.2). Found when one key's <c>key_ops</c> name both a
/// signing and an encryption operation (RFC 7517 §4.3), or the same public key (its RFC 7638 thumbprint) is
/// registered twice, once with <c>use: sig</c> and once with <c>use: enc</c>.
/// </summary>
internal sealed class KeySigningAndEncryptionCheck : ClientCheck
{
    private static readonly string[] SigningOperations = ["sign", "verify"];
    private static readonly string[] EncryptionOperations = ["encrypt", "decrypt", "wrapKey", "unwrapKey", "deriveKey", "deriveBits"];

    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var key in client.Keys.Where(k => k.KeyOps.Any(SigningOperations.Contains) && k.KeyOps.Any(EncryptionOperations.Contains)))
        {
            findings.Add(new JarLintFinding(JarLintRules.KeySigningAndEncryption, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': {KeyChecks.Describe(key)} has key_ops for both signing and encryption."));
        }

        var byUse = client.Keys
            .Where(k => k.Use is "sig" or "enc" && !KeyChecks.IsSymmetric(k))
            .Select(k => (Key: k, Thumbprint: Thumbprint(k)))
            .Where(k => k.Thumbprint is not null)
            .GroupBy(k => k.Thumbprint, StringComparer.Ordinal)
            .Where(g => g.Select(k => k.Key.Use).Distinct(StringComparer.Ordinal).Count() > 1);
        foreach (var group in byUse)
        {
            findings.Add(new JarLintFinding(JarLintRules.KeySigningAndEncryption, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': one public key is registered for both use sig and use enc ({string.Join(", ", group.Select(k => KeyChecks.Describe(k.Key)))})."));
        }
    }

    private static string? Thumbprint(JsonWebKey key)
    {
        try
        {
            return Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
