namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// A client's stored policy: a profile and the overrides that tighten it, kept next to the client registrations
/// (table <c>JarClientPolicies</c>). Written through <see cref="IJarPolicyAdministration"/>, which refuses a
/// loosening before anything is stored.
/// </summary>
public sealed class JarClientPolicy
{
    /// <summary>The longest client_id stored (OpenIddict's own client_id column has the same bound).</summary>
    public const int MaxClientIdLength = 100;

    /// <summary>The longest profile name stored.</summary>
    public const int MaxProfileLength = 64;

    /// <summary>The client, by client_id. The key.</summary>
    public string ClientId { get; set; } = null!;

    /// <summary>The profile the overrides start from; the server's default profile when null.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Every other override as one JSON object (the shape of <see cref="JarPolicyOverrides"/>, camelCase, unset
    /// members left out). One column, so a setting added to the engine needs no schema change; it is parsed
    /// strictly, so a setting this version does not know fails the lookup (fail closed) instead of being dropped.
    /// </summary>
    public string OverridesJson { get; set; } = "{}";

    /// <summary>Increases with every update: the optimistic concurrency token, so two administrators never overwrite each other unseen.</summary>
    public int Revision { get; set; }

    /// <summary>When the row was last written.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
