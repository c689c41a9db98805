using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Client policies from the <c>JarClientPolicies</c> table: a client's row wins; a client without one gets its
/// configured policy (<see cref="JarHardeningOptions.Clients"/>), else the default profile. A row that no longer
/// resolves (edited by hand into a loosening, or naming a setting this version does not know) throws, and so does
/// an unreachable database: the engine then refuses the request (fail closed). Resolved policies are cached for
/// <see cref="JarEntityFrameworkStoreOptions.PolicyCacheDuration"/>.
/// </summary>
internal sealed class EntityFrameworkJarPolicyStore<TContext>(
    JarDbContexts<TContext> contexts,
    JarPolicyCache cache,
    IOptions<JarHardeningOptions> engineOptions,
    IOptions<JarEntityFrameworkStoreOptions> options) : IJarPolicyStore
    where TContext : DbContext
{
    public async ValueTask<JarPolicy> GetPolicyAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        if (cache.TryGet(clientId, out var cached))
        {
            return cached;
        }

        var policy = (await ReadAsync(clientId, cancellationToken).ConfigureAwait(false)).Resolution.Policy;
        cache.Set(clientId, policy, options.Value.PolicyCacheDuration);
        return policy;
    }

    /// <summary>The client's effective policy, read from the database.</summary>
    public async Task<JarStoredPolicy> ReadAsync(string clientId, CancellationToken cancellationToken)
    {
        JarClientPolicy? row;
        await using (var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false))
        {
            row = await lease.Context.Set<JarClientPolicy>()
                .AsNoTracking()
                .FirstOrDefaultAsync(p => p.ClientId == clientId, cancellationToken)
                .ConfigureAwait(false);
        }

        return Resolve(clientId, row);
    }

    /// <summary>What the policy of <paramref name="clientId"/> is, given its row (or none).</summary>
    public JarStoredPolicy Resolve(string clientId, JarClientPolicy? row)
    {
        var engine = engineOptions.Value;

        // Client ids are compared by ordinal equality, also on a database whose collation ignores case: another
        // client's row never applies.
        if (row is not null && string.Equals(row.ClientId, clientId, StringComparison.Ordinal))
        {
            var stored = JarPolicyJson.Read(row);
            return new JarStoredPolicy(clientId, JarPolicyOrigin.Database, stored, JarProfiles.Resolve(clientId, stored, engine.DefaultProfile))
            {
                Revision = row.Revision,
                UpdatedAt = row.UpdatedAt,
            };
        }

        return engine.Clients.TryGetValue(clientId, out var configured)
            ? new JarStoredPolicy(clientId, JarPolicyOrigin.Configuration, configured, JarProfiles.Resolve(clientId, configured, engine.DefaultProfile))
            : new JarStoredPolicy(clientId, JarPolicyOrigin.Default, null, JarProfiles.Resolve(clientId, null, engine.DefaultProfile));
    }
}
