namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// A stored policy change that loosened a client's policy, made deliberately (table <c>JarPolicyChanges</c>): who,
/// when, why, each setting made weaker, and the overrides before and after. Written with the policy row, in the same
/// save, by <see cref="IJarPolicyAdministration.SetAsync"/>; read through <see cref="IJarPolicyChangeLog"/>.
/// </summary>
public sealed class JarPolicyChangeRecord
{
    /// <summary>The longest actor stored.</summary>
    public const int MaxActorLength = 200;

    /// <summary>The longest reason stored.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The key, increasing.</summary>
    public long Id { get; set; }

    /// <summary>The client whose policy changed.</summary>
    public string ClientId { get; set; } = null!;

    /// <summary>When the change was written.</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Who made it: the operating system user of a command line, or the caller of an admin API.</summary>
    public string Actor { get; set; } = null!;

    /// <summary>The reason given with the change.</summary>
    public string Reason { get; set; } = null!;

    /// <summary>Each setting made weaker, as a JSON array of <c>{"setting","before","after"}</c>.</summary>
    public string LooseningsJson { get; set; } = "[]";

    /// <summary>The stored overrides before the change (JSON, the shape of <see cref="JarPolicyOverrides"/>); null when the client had no row.</summary>
    public string? BeforeJson { get; set; }

    /// <summary>The stored overrides after the change.</summary>
    public string AfterJson { get; set; } = "{}";
}
