namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL044: a response type discovery advertises that no client may use. A client "may use" a response type its
/// registration permits and its policy allows: the engine refuses the others before the host sees them.
/// </summary>
internal sealed class ResponseTypeUnusedCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        var unused = input.Server.ResponseTypes
            .Where(t => !input.Clients.Any(c => c.ResponseTypes.Contains(t) && c.Policy.AllowedResponseTypes.Contains(t)))
            .Order(StringComparer.Ordinal);
        foreach (var responseType in unused)
        {
            findings.Add(new JarLintFinding(JarLintRules.ResponseTypeUnused, null, "ResponseTypes",
                $"Server: response type '{responseType}' is advertised, and no registered client may use it."));
        }
    }
}
