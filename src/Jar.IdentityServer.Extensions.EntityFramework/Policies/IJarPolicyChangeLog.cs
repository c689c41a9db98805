namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Reads the recorded loosenings of stored policies (table <c>JarPolicyChanges</c>).</summary>
public interface IJarPolicyChangeLog
{
    /// <summary>The loosenings recorded at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<JarPolicyChange>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
