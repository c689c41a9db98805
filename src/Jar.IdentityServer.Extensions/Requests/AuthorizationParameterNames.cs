namespace Jar.IdentityServer.Extensions;

/// <summary>The parameter and claim names the engine reads.</summary>
internal static class AuthorizationParameterNames
{
    public const string Request = "request";
    public const string RequestUri = "request_uri";
    public const string ClientId = "client_id";
    public const string ClientSecret = "client_secret";
    public const string ClientAssertion = "client_assertion";
    public const string ClientAssertionType = "client_assertion_type";
    public const string RedirectUri = "redirect_uri";
    public const string ResponseType = "response_type";
    public const string Scope = "scope";
    public const string Nonce = "nonce";
    public const string CodeChallenge = "code_challenge";
    public const string CodeChallengeMethod = "code_challenge_method";

    public const string Issuer = "iss";
    public const string Audience = "aud";
    public const string ExpiresAt = "exp";
    public const string NotBefore = "nbf";
    public const string IssuedAt = "iat";
    public const string JwtId = "jti";
    public const string Subject = "sub";

    /// <summary>The prefix of a request_uri issued by this server's PAR endpoint (RFC 9126 §2.2).</summary>
    public const string PushedRequestUriPrefix = "urn:ietf:params:oauth:request_uri:";

    /// <summary>Client authentication travels beside a pushed request object and is not an authorization parameter (RFC 9126 §3).</summary>
    public static bool IsClientAuthentication(string name) =>
        name is ClientSecret or ClientAssertion or ClientAssertionType;

    /// <summary>
    /// JWT claims that describe the object itself rather than the authorization request. <c>sub</c> is one of them:
    /// it never identifies the user (RFC 9101 §10.8; see <c>SubjectRule</c>).
    /// </summary>
    public static bool IsEnvelopeClaim(string name) =>
        name is Issuer or Audience or ExpiresAt or NotBefore or IssuedAt or JwtId or Subject;
}
