namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL022: RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used.</summary>
internal sealed class PasswordGrantCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (client.GrantTypes.Contains("password"))
        {
            findings.Add(new JarLintFinding(JarLintRules.PasswordGrant, client.ClientId, "GrantTypes",
                $"Client '{client.ClientId}': the registration permits the password grant."));
        }
    }
}
