namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>The PKCE example of RFC 7636 Appendix B.</summary>
internal static class Pkce
{
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    /// <summary>BASE64URL(SHA256(Verifier)): 43 characters.</summary>
    public const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
}
