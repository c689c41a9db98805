namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>One lint rule's check: pure, it reads the input and adds its findings.</summary>
internal interface IJarLintCheck
{
    void Check(JarLintInput input, List<JarLintFinding> findings);
}
