namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>Kinds of response types (OAuth 2.0 Multiple Response Type Encoding Practices §5; OpenID Connect Core §3).</summary>
internal static class ResponseTypes
{
    public static bool HasCode(string responseType) => responseType.Split(' ').Contains("code", StringComparer.Ordinal);

    /// <summary>A token or ID token returned from the authorization endpoint, without a code: the implicit flow.</summary>
    public static bool IsImplicit(string responseType) => !HasCode(responseType) && responseType.Split(' ').Any(v => v is "token" or "id_token");

    /// <summary>A code and something more from the authorization endpoint: a hybrid flow.</summary>
    public static bool IsHybrid(string responseType) => HasCode(responseType) && responseType.Contains(' ', StringComparison.Ordinal);
}
