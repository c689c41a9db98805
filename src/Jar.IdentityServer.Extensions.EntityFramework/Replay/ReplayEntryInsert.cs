using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Consuming a <c>jti</c> as one set-based statement, <c>INSERT ... ON CONFLICT DO NOTHING</c>, on the providers
/// whose SQL has it (SQLite 3.24+, PostgreSQL 9.5+): the primary key still decides between concurrent consumers, but
/// without a tracked entity, a SaveChanges pipeline, or an exception for every replay. The table and column names
/// come from the host's model (a host may rename them or put them in a schema), and are quoted as each provider
/// quotes identifiers. Other providers (SQL Server has no ON CONFLICT) return null and keep the tracked insert.
/// </summary>
internal sealed class ReplayEntryInsert
{
    private static readonly ConcurrentDictionary<(IModel Model, string Provider), ReplayEntryInsert?> Statements = new();

    private readonly string _sql;

    private ReplayEntryInsert(string sql) => _sql = sql;

    public static ReplayEntryInsert? For(DbContext context)
    {
        var provider = context.Database.ProviderName ?? string.Empty;
        return Statements.GetOrAdd((context.Model, provider), static key => Create(key.Model, key.Provider));
    }

    /// <summary>True when the row was inserted, false when the (ClientId, JwtId) pair was already there.</summary>
    public async Task<bool> ExecuteAsync(DbContext context, string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // The same stored form as the model's UtcDateTimeConverter: the UTC DateTime.
        var inserted = await context.Database.ExecuteSqlRawAsync(_sql, [clientId, jwtId, expiresAt.UtcDateTime], cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    private static ReplayEntryInsert? Create(IModel model, string provider)
    {
        if (!SqlIdentifiers.Written(provider))
        {
            return null;
        }

        var entity = model.FindEntityType(typeof(JarReplayEntry))!;
        string Column(string property) => SqlIdentifiers.Column(entity, property);
        var key = $"{Column(nameof(JarReplayEntry.ClientId))}, {Column(nameof(JarReplayEntry.JwtId))}";
        return new ReplayEntryInsert(
            $"INSERT INTO {SqlIdentifiers.Table(SqlIdentifiers.TableOf(entity))} ({key}, {Column(nameof(JarReplayEntry.ExpiresAt))}) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT ({key}) DO NOTHING");
    }
}
