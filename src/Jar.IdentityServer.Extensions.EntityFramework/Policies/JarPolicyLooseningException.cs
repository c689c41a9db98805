namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// A policy change would make the stored policy weaker and came without a <see cref="JarPolicyLooseningApproval"/>;
/// nothing was written. The message names every setting, before and after.
/// </summary>
public sealed class JarPolicyLooseningException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JarPolicyLooseningException(string clientId, IReadOnlyList<JarPolicyLoosening> loosenings)
        : base($"Client '{clientId}': the change loosens the stored policy ({Describe(loosenings)}). Loosening a stored policy must be explicit: give who and why.")
    {
        ClientId = clientId;
        Loosenings = loosenings;
    }

    /// <summary>The client.</summary>
    public string ClientId { get; }

    /// <summary>Each setting the change would make weaker.</summary>
    public IReadOnlyList<JarPolicyLoosening> Loosenings { get; }

    /// <summary>The loosenings as text: <c>Setting before -> after; ...</c>.</summary>
    public static string Describe(IReadOnlyList<JarPolicyLoosening> loosenings)
    {
        ArgumentNullException.ThrowIfNull(loosenings);
        return string.Join("; ", loosenings.Select(l => $"{l.Setting} {l.Before} -> {l.After}"));
    }
}
