using Microsoft.Extensions.Primitives;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// One authorization request as the host received it: the raw parameters (query or form), before any request
/// object has been applied.
/// </summary>
/// <param name="Endpoint">Where the request arrived.</param>
/// <param name="Issuer">The issuer identifier exactly as discovery advertises it; a request object's <c>aud</c> must name it.</param>
/// <param name="Parameters">The raw parameters. A parameter sent twice has two values and is refused (RFC 6749 §3.1).</param>
public sealed record JarRequest(JarEndpoint Endpoint, string Issuer, IReadOnlyDictionary<string, StringValues> Parameters)
{
    /// <summary>
    /// At the PAR endpoint, the client the host has authenticated, when the host knows it before validation.
    /// The request object's <c>client_id</c> must equal it (RFC 9126 §3).
    /// </summary>
    public string? AuthenticatedClientId { get; init; }

    /// <summary>
    /// At the authorization endpoint, for a pushed <c>request_uri</c>: the parameters that were pushed, once the host
    /// has restored them. The parameters sent beside the <c>request_uri</c> are then judged against them under the
    /// client's <see cref="JarPolicy.OuterParameters"/> (RFC 9126 §4; OpenID Connect Core §6.1). Null when the host
    /// has not restored them (the <c>request_uri</c> is then only checked to be this server's own).
    /// </summary>
    public IReadOnlyDictionary<string, string>? PushedParameters { get; init; }

    /// <summary>The value of a single-valued parameter, or null when it is absent or empty.</summary>
    public string? this[string name] =>
        Parameters.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
