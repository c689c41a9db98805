namespace Jar.IdentityServer.Extensions.Rules.Authorization;

/// <summary>What a policy rule sees: the assembled request (the parameters that count), the client, its policy.</summary>
internal sealed record AuthorizationRequestContext(
    JarRequest Request,
    JarClient Client,
    JarPolicy Policy,
    IReadOnlyDictionary<string, string> Parameters,
    bool HasRequestObject,
    bool RequestObjectEncrypted = false)
{
    public string? this[string name] => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>A pure check of the assembled authorization request. Adds its violations, if any.</summary>
internal interface IAuthorizationRequestRule
{
    void Check(AuthorizationRequestContext context, List<JarViolation> violations);
}
