using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>
/// A client registration as the lint sees it: what the host registered (redirect URIs, keys, grant and response
/// types, scopes) and the JAR policy the engine enforces for it. Host-neutral: an adapter fills it from its store.
/// </summary>
public sealed record JarLintClient
{
    /// <summary>The client identifier.</summary>
    public required string ClientId { get; init; }

    /// <summary>A public client (RFC 6749 §2.1): it holds no credential of its own.</summary>
    public bool IsPublic { get; init; }

    /// <summary>A native application (RFC 8252): its loopback redirect URIs follow RFC 8252 §7.3 and §8.3.</summary>
    public bool IsNative { get; init; }

    /// <summary>How the client authenticates at the token and PAR endpoints: <c>private_key_jwt</c>, <c>client_secret_basic</c>, <c>none</c>...</summary>
    public string AuthenticationMethod { get; init; } = "none";

    /// <summary>The registered redirect URIs, as registered (not normalized).</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>The registered JSON Web Key Set, as registered: the keys that verify its request objects and assertions.</summary>
    public IReadOnlyList<JsonWebKey> Keys { get; init; } = [];

    /// <summary>The grant types the client may use (<c>authorization_code</c>, <c>refresh_token</c>, <c>password</c>...).</summary>
    public IReadOnlySet<string> GrantTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The response types the registration permits, each normalized (<see cref="JarProfiles.NormalizeResponseType"/>).</summary>
    public IReadOnlySet<string> ResponseTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The scopes the registration permits.</summary>
    public IReadOnlySet<string> Scopes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The client's effective JAR policy.</summary>
    public required JarPolicy Policy { get; init; }

    /// <summary>When the client's policy was last written (its <see cref="JarPolicy.Mode"/> has held at least since); null when unknown.</summary>
    public DateTimeOffset? PolicyUpdatedAt { get; init; }
}
