namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL002: a redirect URI is matched by exact string comparison (RFC 9700 §2.1), so a registered <c>*</c>, a
/// regular expression or a URI that does not even parse is either dead or a sign that the host matches patterns.
/// </summary>
internal sealed class RedirectUriPatternCheck : ClientCheck
{
    private static readonly System.Buffers.SearchValues<char> PatternCharacters = System.Buffers.SearchValues.Create("*^$[]{}|\\()");

    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var uri in client.RedirectUris)
        {
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || IsImplicitFile(uri, parsed) || uri.Contains('*', StringComparison.Ordinal) || HasPattern(uri, parsed))
            {
                findings.Add(new JarLintFinding(JarLintRules.RedirectUriPattern, client.ClientId, "RedirectUris",
                    $"Client '{client.ClientId}': redirect URI '{uri}' is a pattern or not an absolute URI; register each redirect URI exactly."));
            }
        }
    }

    // On Unix, .NET reads "/callback" as an absolute file: URI; a registered redirect URI names its scheme.
    private static bool IsImplicitFile(string uri, Uri parsed) =>
        parsed.IsFile && !uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    // Before the query and the fragment, where '?' and '#' are syntax; an IPv6 literal's brackets are syntax too.
    private static bool HasPattern(string uri, Uri parsed)
    {
        var end = uri.IndexOfAny(['?', '#']);
        var head = end >= 0 ? uri[..end] : uri;
        if (parsed.HostNameType == UriHostNameType.IPv6)
        {
            head = head.Replace("[", string.Empty, StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal);
        }

        return head.AsSpan().IndexOfAny(PatternCharacters) >= 0;
    }
}
