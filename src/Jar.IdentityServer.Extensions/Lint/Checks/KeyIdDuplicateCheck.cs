namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL012: RFC 7517 §4.5: distinct keys in a set use distinct <c>kid</c> values; the engine treats a <c>kid</c> as naming one key.</summary>
internal sealed class KeyIdDuplicateCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        var duplicates = client.Keys
            .Where(k => !string.IsNullOrEmpty(k.Kid))
            .GroupBy(k => k.Kid, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal);
        foreach (var kid in duplicates)
        {
            findings.Add(new JarLintFinding(JarLintRules.KeyIdDuplicate, client.ClientId, "Jwks",
                $"Client '{client.ClientId}': kid '{kid}' names more than one registered key."));
        }
    }
}
