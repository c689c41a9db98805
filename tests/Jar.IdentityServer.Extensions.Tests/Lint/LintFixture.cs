using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Jar.IdentityServer.Extensions.Lint;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

/// <summary>
/// A registration and a server that lint clean, and real keys to spoil them with. Each rule's tests change one
/// thing of this baseline, so a finding can only come from that change.
/// </summary>
internal static class LintFixture
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static JsonWebKey Rsa(string? kid = "k1", int bits = 2048, bool includePrivate = false)
    {
        using var rsa = RSA.Create(bits);
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivate)) { KeyId = kid });
        key.Use = "sig";
        return key;
    }

    public static JsonWebKey Ec(string kid = "e1")
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(false))) { KeyId = kid });
        key.Use = "sig";
        return key;
    }

    public static JsonWebKey Symmetric(string kid = "s1") =>
        JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid });

    /// <summary>An RSA key with a self-signed certificate in <c>x5c</c>, valid until <paramref name="notAfter"/>.</summary>
    public static JsonWebKey WithCertificate(DateTimeOffset notAfter)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=lint-client", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "c1" });
        key.Use = "sig";
        key.X5c.Add(Convert.ToBase64String(certificate.RawData));
        return key;
    }

    public static IReadOnlySet<string> Set(params string[] values) => new HashSet<string>(values, StringComparer.Ordinal);

    public static JarPolicy PolicyOf(JarPolicyOverrides? overrides = null) =>
        JarProfiles.Resolve("clean-client", overrides ?? new JarPolicyOverrides { RequireRequestObject = true, RequireJwtId = true }).Policy;

    public static JarLintClient Client { get; } = new()
    {
        ClientId = "clean-client",
        AuthenticationMethod = "private_key_jwt",
        RedirectUris = ["https://app.example.com/callback"],
        Keys = [Rsa()],
        GrantTypes = Set("authorization_code"),
        ResponseTypes = Set("code"),
        Scopes = Set("openid", "profile"),
        Policy = PolicyOf(),
        PolicyUpdatedAt = Now.AddDays(-2),
    };

    public static JarLintServer Server { get; } = new()
    {
        Issuer = new Uri("https://auth.example.com/"),
        HasPushedAuthorizationEndpoint = true,
        CodeChallengeMethods = Set("S256"),
        AdvertisedAlgorithms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["request_object_signing_alg_values_supported"] = ["PS256", "ES256"],
            ["id_token_signing_alg_values_supported"] = ["RS256"],
        },
        GrantTypes = Set("authorization_code"),
        ResponseTypes = Set("code"),
        RefreshTokenRotation = true,
        AuthorizationCodeLifetime = TimeSpan.FromSeconds(60),
        RequestUriLifetime = TimeSpan.FromSeconds(90),
    };

    public static JarLintReport LintOf(JarLintClient? client = null, JarLintServer? server = null, IReadOnlyList<JarPolicyChange>? changes = null) =>
        JarLinter.Run(new JarLintInput(server ?? Server, [client ?? Client], Now) { PolicyChanges = changes ?? [] });

    public static IReadOnlyList<JarLintFinding> Findings(JarLintRule rule, JarLintClient? client = null, JarLintServer? server = null, IReadOnlyList<JarPolicyChange>? changes = null) =>
        LintOf(client, server, changes).Findings.Where(f => ReferenceEquals(f.Rule, rule)).ToList();

    /// <summary>The one finding of the rule: its severity is the rule's, and its message names the client and the setting.</summary>
    public static JarLintFinding Single(JarLintRule rule, JarLintClient? client = null, JarLintServer? server = null, IReadOnlyList<JarPolicyChange>? changes = null)
    {
        var finding = Findings(rule, client, server, changes).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(rule.Severity);
        return finding;
    }
}
