namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL041: RFC 9700 §2.1.1: clients SHOULD use S256; a server that advertises plain invites the downgrade of §4.8.</summary>
internal sealed class PkcePlainAdvertisedCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        if (input.Server.CodeChallengeMethods.Contains("plain"))
        {
            findings.Add(new JarLintFinding(JarLintRules.PkcePlainAdvertised, null, "CodeChallengeMethods",
                $"Server: code_challenge_methods_supported advertises plain ({JarPolicyComparison.Describe(input.Server.CodeChallengeMethods)})."));
        }
    }
}
