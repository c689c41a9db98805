namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Reads and writes the client policies stored in <c>JarClientPolicies</c>. Every write is checked with
/// <see cref="JarProfiles.Resolve"/> first: an override that loosens its profile is refused and nothing is written.
/// </summary>
public interface IJarPolicyAdministration
{
    /// <summary>The client's effective policy, exactly as the policy store resolves it (read from the database, never from the cache).</summary>
    Task<JarStoredPolicy> GetAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the client's overrides, inserting or replacing its row, and drops this instance's cached policy
    /// (other instances see the change within <see cref="JarEntityFrameworkStoreOptions.PolicyCacheDuration"/>).
    /// </summary>
    /// <param name="clientId">The client.</param>
    /// <param name="policy">The client's new overrides, replacing the stored ones whole.</param>
    /// <param name="approval">
    /// Required when the new policy is weaker than the stored one in any setting (<see cref="JarPolicyComparison.Loosenings"/>):
    /// who loosens it and why, recorded with the change in <c>JarPolicyChanges</c> in the same save as the policy.
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="JarPolicyException">The overrides loosen their profile or name an unknown one; the message names each setting. Nothing is written.</exception>
    /// <exception cref="JarPolicyLooseningException">The overrides loosen the stored policy and no <paramref name="approval"/> was given. Nothing is written.</exception>
    /// <exception cref="Microsoft.EntityFrameworkCore.DbUpdateException">
    /// Another writer changed the same client's row at the same moment (a <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>
    /// for an update); read it again and retry.
    /// </exception>
    Task<JarStoredPolicy> SetAsync(string clientId, JarPolicyOverrides policy, JarPolicyLooseningApproval? approval = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Start-up seeding from configuration: inserts a row for each client that has none and leaves existing rows
    /// alone, so changes made in the database since are kept. Every entry is checked before anything is written.
    /// Safe to run on several instances at once. Returns the number of rows inserted.
    /// </summary>
    /// <exception cref="JarPolicyException">An entry loosens its profile; nothing is written.</exception>
    Task<int> SeedAsync(IDictionary<string, JarPolicyOverrides> policies, CancellationToken cancellationToken = default);
}
