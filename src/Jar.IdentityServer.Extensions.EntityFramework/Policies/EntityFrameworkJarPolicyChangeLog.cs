using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The one implementation of <see cref="IJarPolicyChangeLog"/>.</summary>
internal sealed class EntityFrameworkJarPolicyChangeLog<TContext>(JarDbContexts<TContext> contexts) : IJarPolicyChangeLog
    where TContext : DbContext
{
    public async Task<IReadOnlyList<JarPolicyChange>> ListAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<JarPolicyChangeRecord>().AsNoTracking()
            .Where(r => r.ChangedAt >= since)
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToChange).ToList();
    }

    internal static JarPolicyChange ToChange(JarPolicyChangeRecord row) =>
        new(row.ClientId, row.ChangedAt, row.Actor, row.Reason, JsonSerializer.Deserialize(row.LooseningsJson, JarPolicyJsonContext.Default.JarPolicyLooseningArray) ?? []);
}
