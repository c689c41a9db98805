namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL040: RFC 8414 §2: the issuer is a URL that uses the https scheme; plain http is tolerated on loopback, for development only.</summary>
internal sealed class IssuerPlainHttpCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        if (input.Server.Issuer is { } issuer && string.Equals(issuer.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase)
            && !Loopback.IsLoopback(issuer.Host))
        {
            findings.Add(new JarLintFinding(JarLintRules.IssuerPlainHttp, null, "Issuer",
                $"Server: the issuer '{issuer}' uses plain http on '{issuer.Host}', which is not a loopback address."));
        }
    }
}
