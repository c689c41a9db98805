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
    private readonly string _insert;
    private readonly IReadOnlyList<(IProperty Property, string Parameter)> _columns;

    private ChainAppendCommands(string advance, string insert, IReadOnlyList<(IProperty, string)> columns)
    {
        _advance = advance;
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
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The chain is appended inside a transaction.");

        await using (var advance = Command(connection, transaction, _advance))
        {
            Add(advance, "@head", JarDecisionChainHead.SingleRowId);
            await using var reader = await advance.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The decision chain head row is missing: apply the store's migrations.");
            }

            record.Sequence = reader.GetInt64(0);
            record.PreviousHash = reader.GetString(1);
        }

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
        return new ChainAppendCommands(advance, insert, columns.Select(c => (c.Property, c.Parameter)).ToArray());
    }
}
