using Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The one implementation of <see cref="IJarPolicyAdministration"/>.</summary>
internal sealed class EntityFrameworkJarPolicyAdministration<TContext>(
    JarDbContexts<TContext> contexts,
    EntityFrameworkJarPolicyStore<TContext> store,
    JarPolicyCache cache,
    IOptions<JarHardeningOptions> engineOptions,
    TimeProvider time,
    ILogger<EntityFrameworkJarPolicyAdministration<TContext>> logger,
    IJarTrail? trail = null) : IJarPolicyAdministration
    where TContext : DbContext
{
    public Task<JarStoredPolicy> GetAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return store.ReadAsync(clientId, cancellationToken);
    }

    public async Task<JarStoredPolicy> SetAsync(string clientId, JarPolicyOverrides policy, JarPolicyLooseningApproval? approval = null, CancellationToken cancellationToken = default)
    {
        var resolution = Validate(clientId, policy);
        if (approval is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(approval.Actor);
            ArgumentException.ThrowIfNullOrWhiteSpace(approval.Reason);
        }

        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = lease.Context.Set<JarClientPolicy>();
        var row = await rows.FirstOrDefaultAsync(p => p.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        if (row is not null && !string.Equals(row.ClientId, clientId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Client '{clientId}': the database matched the row of client '{row.ClientId}'; its collation ignores case. Give the ClientId column a case-sensitive collation.");
        }

        // Compared with the stored policy only: the first row of a client is checked against its profile alone, as
        // seeding is. A row that no longer resolves (edited by hand) is refused by the engine, so replacing it is
        // never a loosening.
        var before = row is null ? null : TryResolve(row);
        var loosenings = before is null ? [] : JarPolicyComparison.Loosenings(before, resolution.Policy);
        if (loosenings.Count > 0 && approval is null)
        {
            throw new JarPolicyLooseningException(clientId, loosenings);
        }

        var beforeJson = row?.OverridesJson;
        if (row is null)
        {
            row = new JarClientPolicy { ClientId = clientId };
            rows.Add(row);
        }

        row.Profile = policy.Profile;
        row.OverridesJson = JarPolicyJson.Write(policy);
        row.Revision++;
        row.UpdatedAt = time.GetUtcNow();
        if (loosenings.Count > 0)
        {
            // One save with the policy: a loosening is never stored without its record, nor recorded without being stored.
            lease.Context.Set<JarPolicyChangeRecord>().Add(new JarPolicyChangeRecord
            {
                ClientId = clientId,
                ChangedAt = row.UpdatedAt,
                Actor = Bounded(approval!.Actor, JarPolicyChangeRecord.MaxActorLength),
                Reason = Bounded(approval.Reason, JarPolicyChangeRecord.MaxReasonLength),
                LooseningsJson = System.Text.Json.JsonSerializer.Serialize(loosenings.ToArray(), JarPolicyJsonContext.Default.JarPolicyLooseningArray),
                BeforeJson = beforeJson,
                AfterJson = row.OverridesJson,
            });
        }

        await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.Remove(clientId);
        if (loosenings.Count > 0)
        {
            var described = JarPolicyLooseningException.Describe(loosenings);
            JarStoreLog.PolicyLoosened(logger, clientId, approval!.Actor, described, approval.Reason);
            if (trail is not null)
            {
                // The tamper-evident copy: the decision trail chains it with every other record. The policy and its
                // JarPolicyChanges row are already saved together, so a failure here loses nothing; it is raised so
                // the operator sees that the trail lacks the record.
                await trail.AppendAdministrativeEventAsync(time, approval.Actor, "policy-loosened", $"{approval.Reason} ({described})", clientId, beforeJson, row.OverridesJson, cancellationToken).ConfigureAwait(false);
            }
        }

        JarStoreLog.PolicyStored(logger, clientId, resolution.Policy.Profile, row.Revision);
        return store.Resolve(clientId, row);
    }

    public async Task<int> SeedAsync(IDictionary<string, JarPolicyOverrides> policies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policies);

        // All or nothing: every entry is checked before the first row is written.
        foreach (var (clientId, overrides) in policies)
        {
            Validate(clientId, overrides);
        }

        var inserted = 0;
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = lease.Context.Set<JarClientPolicy>();
        foreach (var (clientId, overrides) in policies)
        {
            if (await rows.AnyAsync(p => p.ClientId == clientId, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            rows.Add(new JarClientPolicy
            {
                ClientId = clientId,
                Profile = overrides.Profile,
                OverridesJson = JarPolicyJson.Write(overrides),
                Revision = 1,
                UpdatedAt = time.GetUtcNow(),
            });
            try
            {
                await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                inserted++;
                JarStoreLog.PolicySeeded(logger, clientId);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another instance seeded the same client a moment ago: its row stands.
            }
            finally
            {
                lease.Context.ChangeTracker.Clear();
            }

            cache.Remove(clientId);
        }

        return inserted;
    }

    private JarPolicy? TryResolve(JarClientPolicy row)
    {
        try
        {
            return store.Resolve(row.ClientId, row).Resolution.Policy;
        }
        catch (Exception e) when (e is JarPolicyException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Bounded(string value, int length) => value.Length <= length ? value : value[..length];

    private JarPolicyResolution Validate(string clientId, JarPolicyOverrides overrides)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clientId.Length, JarClientPolicy.MaxClientIdLength, nameof(clientId));
        return JarProfiles.Resolve(clientId, overrides, engineOptions.Value.DefaultProfile);
    }
}
