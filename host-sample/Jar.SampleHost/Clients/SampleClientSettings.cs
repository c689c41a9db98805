using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Clients;

/// <summary>One demo client, bound from <c>Jar:Clients:&lt;client_id&gt;</c>.</summary>
public sealed class SampleClientSettings
{
    /// <summary>The name shown on the home and consent pages.</summary>
    public string? DisplayName { get; set; }

    /// <summary><c>confidential</c> or <c>public</c> (OAuth 2.0, RFC 6749 §2.1).</summary>
    public string Type { get; set; } = ClientTypeNames.Confidential;

    /// <summary>A confidential client's shared secret (<c>client_secret_basic</c>). Not with <see cref="Jwks"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// A confidential client's public JSON Web Key Set (<c>private_key_jwt</c>, and the only keys that verify its
    /// request objects, RFC 9101 §6.2): the JSON itself, or a file path relative to the content root.
    /// </summary>
    public string? Jwks { get; set; }

    /// <summary>
    /// The client side of the demo: the private JWK the demo client signs with (JSON or a path relative to the
    /// content root). Demo only: a real authorization server never holds a client's private key.
    /// </summary>
    public string? DemoPrivateKey { get; set; }

    /// <summary>Registered redirect URIs, matched exactly.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>The scopes the client may ask for; the demo client asks for all of them.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>The client's JAR policy: a profile and the overrides that tighten it.</summary>
    public JarPolicyOverrides? Policy { get; set; }

    /// <summary>The display name, or the client id when none is configured.</summary>
    public string NameOr(string clientId) => string.IsNullOrWhiteSpace(DisplayName) ? clientId : DisplayName;

    /// <summary>How the client authenticates at the PAR and token endpoints.</summary>
    public string AuthenticationMethod =>
        string.Equals(Type, ClientTypeNames.Public, StringComparison.OrdinalIgnoreCase) ? "none (public client, PKCE)"
        : Jwks is not null ? "private_key_jwt"
        : "client_secret_basic";
}
