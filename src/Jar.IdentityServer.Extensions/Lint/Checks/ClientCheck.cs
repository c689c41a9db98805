namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>A check that looks at one client at a time.</summary>
internal abstract class ClientCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        foreach (var client in input.Clients)
        {
            Check(input, client, findings);
        }
    }

    protected abstract void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings);
}
