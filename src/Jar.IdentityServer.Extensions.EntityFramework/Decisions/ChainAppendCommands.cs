using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Appending records to the decision chain in two commands, on the providers whose SQL has <c>UPDATE ... RETURNING</c>
/// (SQLite 3.35+, PostgreSQL), one record or several in one transaction: the first command consumes the replay
/// ledger entries the records depend on (if any) and then moves the head on by the number of records, returning its
/// new position and the hash before it, under the head row's lock; the second inserts the records, each linked to the
/// one before, and moves the head's hash to the last one's. The same transaction and the same lock as the tracked
/// path, without a change tracker, a query for the head or a SaveChanges pipeline. Table and column names come from
/// the host's model and value converters (enums kept as names, times as UTC) from its properties, so a record reads
/// back, and hashes, exactly as the tracked path writes it. Other providers (SQL Server has <c>OUTPUT</c>, not
/// <c>RETURNING</c>) return null and keep the tracked path.
/// </summary>
internal sealed class ChainAppendCommands
{
    private static readonly ConcurrentDictionary<(IModel Model, string Provider), ChainAppendCommands?> Commands = new();

    private readonly string _advance;
    private readonly string _consume;
    private readonly string _insertInto;
    private readonly string _moveHead;
    private readonly IReadOnlyList<IProperty> _columns;
    private readonly ConcurrentDictionary<(int Consumed, int Records), (string Advance, string Insert)> _texts = new();

    private ChainAppendCommands(string advance, string consume, string insertInto, string moveHead, IReadOnlyList<IProperty> columns)
    {
        _advance = advance;
        _consume = consume;
        _insertInto = insertInto;
        _moveHead = moveHead;
        _columns = columns;
    }

    public static ChainAppendCommands? For(DbContext context)
    {
        var provider = context.Database.ProviderName ?? string.Empty;
        return Commands.GetOrAdd((context.Model, provider), static key => Create(key.Model, key.Provider));
    }

    /// <summary>
    /// Inside the context's current transaction, appends one record per entry, in the entries' order. For an entry
    /// with a <see cref="ChainEntry.Ledger"/> pair, first consumes the pair until its expiry (the ledger's INSERT ...
    /// ON CONFLICT DO NOTHING, else the take-over of an entry expired at <paramref name="now"/>), sets
    /// <see cref="ChainEntry.Consumed"/> and appends the record that follows from it; all ledger statements run
    /// before the head's UPDATE, in the same command, so the head is locked last. Sets each record's position and
    /// hashes. Nothing is committed here: a failure leaves the caller's transaction to roll back.
    /// </summary>
    public async Task AppendAsync(DbContext context, IReadOnlyList<ChainEntry> entries, DateTime now, CancellationToken cancellationToken)
    {
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The chain is appended inside a transaction.");
        var ledgerCount = entries.Count(e => e.Ledger is not null);
        var (advanceText, insertText) = _texts.GetOrAdd((ledgerCount, entries.Count), Texts);

        long last;
        string previous;
        await using (var advance = Command(connection, transaction, advanceText))
        {
            var j = 0;
            foreach (var entry in entries)
            {
                if (entry.Ledger is { } pair)
                {
                    Add(advance, $"@c{j}", pair.ClientId);
                    Add(advance, $"@j{j}", pair.JwtId);
                    Add(advance, $"@u{j}", pair.Until);
                    j++;
                }
            }

            if (ledgerCount > 0)
            {
                Add(advance, "@now", now);
            }

            Add(advance, "@head", JarDecisionChainHead.SingleRowId);
            Add(advance, "@count", (long)entries.Count);
            await using var reader = await advance.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

            // Two result sets per ledger pair (the row inserted or none, the expired row taken over or none), then the head.
            foreach (var entry in entries)
            {
                if (entry.Ledger is not null)
                {
                    var consumed = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    await NextAsync(reader, cancellationToken).ConfigureAwait(false);
                    consumed |= await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    await NextAsync(reader, cancellationToken).ConfigureAwait(false);
                    entry.Consumed = consumed;
                }
            }

            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The decision chain head row is missing: apply the store's migrations.");
            }

            last = reader.GetInt64(0);
            previous = reader.GetString(1);
        }

        await using var insert = Command(connection, transaction, insertText);
        var sequence = last - entries.Count;
        for (var i = 0; i < entries.Count; i++)
        {
            var record = entries[i].Record;
            record.Sequence = ++sequence;
            record.PreviousHash = previous;
            record.Hash = previous = DecisionChain.Hash(record);
            for (var k = 0; k < _columns.Count; k++)
            {
                var property = _columns[k];
                var value = property.GetGetter().GetClrValue(record);
                var converter = property.GetTypeMapping().Converter;
                Add(insert, $"@p{i}_{k}", value is null ? null : converter is null ? value : converter.ConvertToProvider(value));
            }
        }

        Add(insert, "@head", JarDecisionChainHead.SingleRowId);
        Add(insert, "@hash", previous);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private (string Advance, string Insert) Texts((int Consumed, int Records) counts)
    {
        var advance = new StringBuilder();
        for (var j = 0; j < counts.Consumed; j++)
        {
            advance.Append(_consume.Replace("@client", $"@c{j}", StringComparison.Ordinal)
                .Replace("@jti", $"@j{j}", StringComparison.Ordinal)
                .Replace("@until", $"@u{j}", StringComparison.Ordinal));
        }

        advance.Append(_advance);
        var insert = new StringBuilder(_insertInto);
        for (var i = 0; i < counts.Records; i++)
        {
            insert.Append(i == 0 ? " (" : ", (")
                .AppendJoin(", ", Enumerable.Range(0, _columns.Count).Select(k => $"@p{i}_{k}"))
                .Append(')');
        }

        insert.Append("; ").Append(_moveHead);
        return (advance.ToString(), insert.ToString());
    }

    private static async Task NextAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (!await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The ledger and chain command returned fewer results than it has statements.");
        }
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

        // RETURNING gives the row as updated: the last of the new positions, and the hash not yet moved on (the
        // record's before the first of this append).
        var advance = $"UPDATE {headTable} SET {headSequence} = {headSequence} + @count WHERE {headId} = @head RETURNING {headSequence}, {headHash}";

        var record = model.FindEntityType(typeof(JarDecisionRecord))!;
        var recordTable = SqlIdentifiers.TableOf(record);
        var columns = record.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && p.GetColumnName(recordTable) is not null)
            .ToArray();
        var names = string.Join(", ", columns.Select(c => SqlIdentifiers.Quote(c.GetColumnName(recordTable)!)));
        var insertInto = $"INSERT INTO {SqlIdentifiers.Table(recordTable)} ({names}) VALUES";
        var moveHead = $"UPDATE {headTable} SET {headHash} = @hash WHERE {headId} = @head";

        // The replay ledger's statements, one pair per entry that consumes: a row inserted, else an expired row taken
        // over (never the row just inserted: its expiry is @until, later than @now), each returning a row when it
        // consumed the pair. A pair presented twice in one append is consumed by the first only.
        var replay = model.FindEntityType(typeof(JarReplayEntry))!;
        var replayTable = SqlIdentifiers.Table(SqlIdentifiers.TableOf(replay));
        var client = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.ClientId));
        var jti = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.JwtId));
        var expires = SqlIdentifiers.Column(replay, nameof(JarReplayEntry.ExpiresAt));
        var consume =
            $"INSERT INTO {replayTable} ({client}, {jti}, {expires}) VALUES (@client, @jti, @until) ON CONFLICT ({client}, {jti}) DO NOTHING RETURNING 1; "
            + $"UPDATE {replayTable} SET {expires} = @until WHERE {client} = @client AND {jti} = @jti AND {expires} <= @now AND {expires} <> @until RETURNING 1; ";
        return new ChainAppendCommands(advance, consume, insertInto, moveHead, columns);
    }
}
