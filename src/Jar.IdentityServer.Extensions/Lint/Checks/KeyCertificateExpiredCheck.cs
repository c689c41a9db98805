using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>JARL016: the first <c>x5c</c> certificate holds the key (RFC 7517 §4.7); past its notAfter (RFC 5280 §4.1.2.5) it vouches for nothing.</summary>
internal sealed class KeyCertificateExpiredCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        foreach (var key in client.Keys.Where(k => k.X5c.Count > 0))
        {
            var notAfter = NotAfter(key.X5c[0]);
            if (notAfter is { } expiry && expiry < input.Now)
            {
                findings.Add(new JarLintFinding(JarLintRules.KeyCertificateExpired, client.ClientId, "Jwks",
                    $"Client '{client.ClientId}': the certificate of {KeyChecks.Describe(key)} expired on {expiry:yyyy-MM-dd}."));
            }
        }
    }

    private static DateTimeOffset? NotAfter(string base64Certificate)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64Certificate));
            return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
