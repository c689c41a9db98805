namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL042: RFC 8725 §3.1: libraries and servers must not accept <c>none</c> unless the JWT is secured otherwise; advertising it asks for it.</summary>
internal sealed class AlgorithmNoneAdvertisedCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        foreach (var (name, algorithms) in input.Server.AdvertisedAlgorithms.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (algorithms.Any(a => string.Equals(a, "none", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add(new JarLintFinding(JarLintRules.AlgorithmNoneAdvertised, null, name,
                    $"Server: {name} advertises none ([{string.Join(", ", algorithms)}])."));
            }
        }
    }
}
