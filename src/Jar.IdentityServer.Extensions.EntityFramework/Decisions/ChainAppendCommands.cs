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
/// <c>RETURNING</c>) return null and keep the tracked path. On PostgreSQL an append that knows the head as it is can
/// also be made in one statement (<see cref="TryAppendAtAsync"/>).
/// </summary>
internal sealed class ChainAppendCommands
{
    private static readonly ConcurrentDictionary<(IModel Model, string Provider), ChainAppendCommands?> Commands = new();

    private readonly string _advance;
    private readonly string _consume;
    private readonly string _insertInto;
    private readonly string _moveHead;
    private readonly IReadOnlyList<IProperty> _columns;
    private readonly OneCommandText? _oneCommand;
    private readonly ConcurrentDictionary<(int Consumed, int Records), (string Advance, string Insert)> _texts = new();
    private readonly ConcurrentDictionary<(int Consumed, int Records), string> _oneCommandTexts = new();

    private ChainAppendCommands(string advance, string consume, string insertInto, string moveHead, IReadOnlyList<IProperty> columns, OneCommandText? oneCommand)
    {
        _advance = advance;
        _consume = consume;
        _insertInto = insertInto;
        _moveHead = moveHead;
        _columns = columns;
        _oneCommand = oneCommand;
    }

    /// <summary>
    /// True on PostgreSQL: an append that knows the head as it is can be made in one statement, outside an explicit
    /// transaction (<see cref="TryAppendAtAsync"/>).
    /// </summary>
    public bool HasOneCommandAppend => _oneCommand is not null;

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
    public async Task<ChainHead> AppendAsync(DbContext context, IReadOnlyList<ChainEntry> entries, DateTime now, CancellationToken cancellationToken)
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
                    AddPair(advance, j++, pair);
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
        var hash = AddRecords(insert, entries, new ChainHead(last - entries.Count, previous));
        Add(insert, "@head", JarDecisionChainHead.SingleRowId);
        Add(insert, "@hash", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new ChainHead(last, hash);
    }

    /// <summary>
    /// PostgreSQL only: appends the entries after <paramref name="head"/>, the head as this instance last committed
    /// it, in one statement (its own implicit transaction), every ledger pair consumed. The statement fails, and
    /// leaves nothing written, when a pair cannot be consumed (a replay: <see cref="OneCommandOutcome.PairTaken"/>) or
    /// the head is no longer <paramref name="head"/> (another instance appended since:
    /// <see cref="OneCommandOutcome.HeadMoved"/>; told apart by reading the head after the statement); then the caller
    /// appends the usual way, which reads the head under its lock and records a replay as one. Entries that name one pair twice are not tried
    /// (<see cref="OneCommandOutcome.NotTried"/>). Other failures throw.
    /// </summary>
    public async Task<(OneCommandOutcome Outcome, ChainHead Head)> TryAppendAtAsync(DbContext context, IReadOnlyList<ChainEntry> entries, ChainHead head, DateTime now, CancellationToken cancellationToken)
    {
        if (_oneCommand is null)
        {
            return (OneCommandOutcome.NotTried, head);
        }

        var pairs = entries.Where(e => e.Ledger is not null).Select(e => (e.Ledger!.ClientId, e.Ledger.JwtId)).ToArray();
        if (pairs.Distinct().Count() != pairs.Length)
        {
            return (OneCommandOutcome.NotTried, head);
        }

        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = _oneCommandTexts.GetOrAdd((pairs.Length, entries.Count), OneCommand);
        var j = 0;
        foreach (var entry in entries)
        {
            entry.Consumed = true;
            if (entry.Ledger is { } pair)
            {
                AddPair(command, j++, pair);
            }
        }

        if (pairs.Length > 0)
        {
            Add(command, "@now", now);
            Add(command, "@consumed", (long)pairs.Length);
        }

        var hash = AddRecords(command, entries, head);
        Add(command, "@head", JarDecisionChainHead.SingleRowId);
        Add(command, "@count", (long)entries.Count);
        Add(command, "@expected", head.Sequence);
        Add(command, "@previous", head.Hash);
        Add(command, "@hash", hash);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException error) when (error.SqlState is CheckFailedState or UniqueViolationState)
        {
            // The statement's own check, or a position another instance's append holds: which one failed, the head
            // tells (read after the statement, so a head moved since counts as moved, which only costs speed).
            return (await ReadHeadAsync(context, cancellationToken).ConfigureAwait(false) == head ? OneCommandOutcome.PairTaken : OneCommandOutcome.HeadMoved, head);
        }

        return (OneCommandOutcome.Committed, new ChainHead(head.Sequence + entries.Count, hash));
    }

    /// <summary>The head as it is now, read outside any transaction.</summary>
    public static async Task<ChainHead?> ReadHeadAsync(DbContext context, CancellationToken cancellationToken) =>
        await context.Set<JarDecisionChainHead>().AsNoTracking()
            .Where(h => h.Id == JarDecisionChainHead.SingleRowId)
            .Select(h => new ChainHead(h.Sequence, h.Hash))
            .Cast<ChainHead?>()
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    // PostgreSQL's SQLSTATEs for the statement's own check (a division by zero) and for a position already taken.
    private const string CheckFailedState = "22012";
    private const string UniqueViolationState = "23505";

    /// <summary>Positions and links the entries' records after <paramref name="head"/> and binds them as @p{i}_{k}; returns the last hash.</summary>
    private string AddRecords(DbCommand command, IReadOnlyList<ChainEntry> entries, ChainHead head)
    {
        var sequence = head.Sequence;
        var previous = head.Hash;
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
                Add(command, $"@p{i}_{k}", value is null ? null : converter is null ? value : converter.ConvertToProvider(value));
            }
        }

        return previous;
    }

    private string OneCommand((int Consumed, int Records) counts)
    {
        var text = _oneCommand!;
        var sql = new StringBuilder("WITH ");
        for (var j = 0; j < counts.Consumed; j++)
        {
            sql.Append($"l{j} AS (").Append(ForPair(text.Consume, j)).Append("), ");
        }

        // The pairs consumed, counted in the head's WHERE: the ledger's upserts run before the head's row is locked, in
        // the order of the usual way, so an append of either kind never holds the head while it waits for a pair.
        var consumed = counts.Consumed == 0
            ? null
            : "(" + string.Join(" + ", Enumerable.Range(0, counts.Consumed).Select(j => $"(SELECT count(*) FROM l{j})")) + ")";
        sql.Append("h AS (").Append(text.Advance);
        if (consumed is not null)
        {
            sql.Append(" AND ").Append(consumed).Append(" = @consumed");
        }

        sql.Append(" RETURNING 1), r AS (").Append(_insertInto);
        for (var i = 0; i < counts.Records; i++)
        {
            sql.Append(i == 0 ? " (" : ", (")
                .AppendJoin(", ", Enumerable.Range(0, _columns.Count).Select(k => $"@p{i}_{k}"))
                .Append(')');
        }

        // Every sub-statement runs to completion; the last SELECT fails the whole statement (a division by zero), which
        // then writes nothing, unless the head moved on: from the expected position, every pair consumed.
        sql.Append(") SELECT 1 / (SELECT count(*) FROM h)");
        return sql.ToString();
    }

    /// <summary>The statements of the one-command append (PostgreSQL).</summary>
    private sealed record OneCommandText(string Consume, string Advance);

    private (string Advance, string Insert) Texts((int Consumed, int Records) counts)
    {
        var advance = new StringBuilder();
        for (var j = 0; j < counts.Consumed; j++)
        {
            advance.Append(ForPair(_consume, j));
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

    /// <summary>The ledger statements of <paramref name="text"/> for the <paramref name="j"/>th pair of a command.</summary>
    private static string ForPair(string text, int j) =>
        text.Replace("@client", $"@c{j}", StringComparison.Ordinal)
            .Replace("@jti", $"@j{j}", StringComparison.Ordinal)
            .Replace("@until", $"@u{j}", StringComparison.Ordinal);

    /// <summary>Binds the <paramref name="j"/>th pair's parameters (<see cref="ForPair"/>).</summary>
    private static void AddPair(DbCommand command, int j, ChainEntry.LedgerPair pair)
    {
        Add(command, $"@c{j}", pair.ClientId);
        Add(command, $"@j{j}", pair.JwtId);
        Add(command, $"@u{j}", pair.Until);
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
        // PostgreSQL: the one-command append. A pair is consumed by one upsert (inserted, else an expired entry taken
        // over), returning a row when it was; the head moves on only from the expected position and hash.
        var oneCommand = provider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? new OneCommandText(
                $"INSERT INTO {replayTable} AS t ({client}, {jti}, {expires}) VALUES (@client, @jti, @until) ON CONFLICT ({client}, {jti}) DO UPDATE SET {expires} = @until WHERE t.{expires} <= @now AND t.{expires} <> @until RETURNING 1",
                $"UPDATE {headTable} SET {headSequence} = {headSequence} + @count, {headHash} = @hash WHERE {headId} = @head AND {headSequence} = @expected AND {headHash} = @previous")
            : null;
        return new ChainAppendCommands(advance, consume, insertInto, moveHead, columns, oneCommand);
    }
}

/// <summary>The chain head's position and hash, as an append left it.</summary>
internal readonly record struct ChainHead(long Sequence, string Hash);

/// <summary>What became of a one-statement append (<see cref="ChainAppendCommands.TryAppendAtAsync"/>).</summary>
internal enum OneCommandOutcome
{
    /// <summary>Committed.</summary>
    Committed,

    /// <summary>Not sent: the provider has no one-statement append, or the entries name one ledger pair twice.</summary>
    NotTried,

    /// <summary>Nothing written: a ledger pair was taken (a replay, to record the usual way).</summary>
    PairTaken,

    /// <summary>Nothing written: the head was not where this instance left it (another instance appended).</summary>
    HeadMoved,
}
