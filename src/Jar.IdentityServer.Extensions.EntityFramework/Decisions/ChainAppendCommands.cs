using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Appending a record to the decision chain in two commands, on the providers whose SQL has <c>UPDATE ... RETURNING</c>
/// (SQLite 3.35+, PostgreSQL): the first moves the head on and returns its new position and the hash before it, under
/// the head row's lock; the second inserts the record and moves the head's hash to the record's, in one round trip.
/// The same transaction and the same lock as the tracked path, without a change tracker, a query for the head or a
/// SaveChanges pipeline. Table and column names come from the host's model and value converters (enums kept as names,
/// times as UTC) from its properties, so a record reads back, and hashes, exactly as the tracked path writes it. Other
/// providers (SQL Server has <c>OUTPUT</c>, not <c>RETURNING</c>) return null and keep the tracked path.
/// </summary>
internal sealed class ChainAppendCommands
{
    private static readonly ConcurrentDictionary<(IModel Model, string Provider), ChainAppendCommands?> Commands = new();

    private readonly string _advance;
    private readonly string _consumeAndAdvance;
    private readonly string _insert;
    private readonly IReadOnlyList<(IProperty Property, string Parameter)> _columns;

    private ChainAppendCommands(string advance, string consumeAndAdvance, string insert, IReadOnlyList<(IProperty, string)> columns)
    {
        _advance = advance;
        _consumeAndAdvance = consumeAndAdvance;
        _insert = insert;
        _columns = columns;
    }

    public static ChainAppendCommands? For(DbContext context)
    {
        var provider = context.Database.ProviderName ?? string.Empty;
        return Commands.GetOrAdd((context.Model, provider), static key => Create(key.Model, key.Provider));
    }

    /// <summary>Appends <paramref name="record"/> inside the context's current transaction, setting its position and hashes.</summary>
    public async Task AppendAsync(DbContext context, JarDecisionRecord record, CancellationToken cancellationToken)
    {
        var (connection, transaction) = Current(context);
        await using (var advance = Command(connection, transaction, _advance))
        {
            Add(advance, "@head", JarDecisionChainHead.SingleRowId);
            await using var reader = await advance.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await ReadHeadAsync(reader, record, cancellationToken).ConfigureAwait(false);
        }

        await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inside the context's current transaction: consumes (<paramref name="clientId"/>, <paramref name="jwtId"/>) in
    /// the replay ledger until <paramref name="until"/> and moves the head on, in one command (the ledger's INSERT ...
    /// ON CONFLICT DO NOTHING, else the take-over of an entry expired at <paramref name="now"/>, then the head's
    /// UPDATE, in that order, so the head is locked last); then appends the record <paramref name="choose"/> gives for
    /// whether the pair was consumed. Returns whether it was.
    /// </summary>
    public async Task<bool> ConsumeAndAppendAsync(
        DbContext context,
        string clientId,
        string jwtId,
        DateTime until,
        DateTime now,
        Func<bool, JarDecisionRecord> choose,
        CancellationToken cancellationToken)
    {
        var (connection, transaction) = Current(context);
        bool consumed;
        JarDecisionRecord record;
        await using (var command = Command(connection, transaction, _consumeAndAdvance))
        {
            Add(command, "@client", clientId);
            Add(command, "@jti", jwtId);
            Add(command, "@until", until);
            Add(command, "@now", now);
            Add(command, "@head", JarDecisionChainHead.SingleRowId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

            // Three result sets: the row inserted (or none), the expired row taken over (or none), the head.
            consumed = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            await NextAsync(reader, cancellationToken).ConfigureAwait(false);
            consumed |= await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            await NextAsync(reader, cancellationToken).ConfigureAwait(false);
            record = choose(consumed);
            await ReadHeadAsync(reader, record, cancellationToken).ConfigureAwait(false);
        }

        await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
        return consumed;
    }

    private static (DbConnection Connection, DbTransaction Transaction) Current(DbContext context) =>
        (context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The chain is appended inside a transaction."));

    private static async Task NextAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The ledger and chain command returned fewer results than it has statements.");
        }
    }

    private static async Task ReadHeadAsync(DbDataReader reader, JarDecisionRecord record, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The decision chain head row is missing: apply the store's migrations.");
        }

        record.Sequence = reader.GetInt64(0);
        record.PreviousHash = reader.GetString(1);
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, JarDecisionRecord record, CancellationToken cancellationToken)
    {
        record.Hash = DecisionChain.Hash(record);
        await using var insert = Command(connection, transaction, _insert);
        foreach (var (property, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValue(record);
            var converter = property.GetTypeMapping().Converter;
            Add(insert, parameter, value is null ? null : converter is null ? value : converter.ConvertToProvider(value));
        }

        Add(insert, "@head", JarDecisionChainHead.SingleRowId);
        Add(insert, "@hash", record.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string text)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static ChainAppendCommands? Create(IModel model, string provider)
    {
        if (!SqlIdentifiers.Written(provider))
        {
            return null;
        }

        var head = model.FindEntityType(typeof(JarDecisionChainHead))!;
        var headTable = SqlIdentifiers.Table(SqlIdentifiers.TableOf(head));
        var headSequence = SqlIdentifiers.Column(head, nameof(JarDecisionChainHead.Sequence));
        var headHash = SqlIdentifiers.Column(head, nameof(JarDecisionChainHead.Hash));
        var headId = SqlIdentifiers.Column(head, nameof(JarDecisionChainHead.Id));

        // RETURNING gives the row as updated: the new position, and the hash not yet moved on (the previous record's).
        var advance = $"UPDATE {headTable} SET {headSequence} = {headSequence} + 1 WHERE {headId} = @head RETURNING {headSequence}, {headHash}";

        var record = model.FindEntityType(typeof(JarDecisionRecord))!;
        var recordTable = SqlIdentifiers.TableOf(record);
        var columns = record.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && p.GetColumnName(recordTable) is not null)
            .Select((p, i) => (Property: p, Parameter: $"@p{i}"))
            .ToArray();
        var names = string.Join(", ", columns.Select(c => SqlIdentifiers.Quote(c.Property.GetColumnName(recordTable)!)));
        var values = string.Join(", ", columns.Select(c => c.Parameter));
        var insert = $"INSERT INTO {SqlIdentifiers.Table(recordTable)} ({names}) VALUES ({values}); UPDATE {headTable} SET {headHash} = @hash WHERE {headId} = @head";

        // The replay ledger's statements before the head's: a row inserted, else an expired row taken over (never the
        // row just inserted: its expiry is @until, later than @now), each returning a row when it consumed the pair.
        var replay = model.FindEntityType(typeof(JarReplayEntry))!;
        var replayTable = SqlIdentifiers.Table(SqlIdentifiers.TableOf(replay));
        var client = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.ClientId));
        var jti = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.JwtId));
        var expires = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.ExpiresAt));
        var consumeAndAdvance =
            $"INSERT INTO {replayTable} ({client}, {jti}, {expires}) VALUES (@client, @jti, @until) ON CONFLICT ({client}, {jti}) DO NOTHING RETURNING 1; "
            + $"UPDATE {replayTable} SET {expires} = @until WHERE {client} = @client AND {jti} = @jti AND {expires} <= @now AND {expires} <> @until RETURNING 1; "
            + advance;
        return new ChainAppendCommands(advance, consumeAndAdvance, insert, columns.Select(c => (c.Property, c.Parameter)).ToArray());
    }
}
