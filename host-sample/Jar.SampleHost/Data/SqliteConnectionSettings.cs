using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jar.SampleHost.Data;

/// <summary>
/// Settings of every SQLite connection the host opens, applied as it opens (they belong to the connection, not to
/// the file):
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>. The file is in WAL mode (EF Core creates it so, and <see cref="DatabaseInitializer"/> sets it on start):
/// a commit is then appended to the write-ahead log without waiting for the disk, and the log is synced at each
/// checkpoint. Every transaction stays atomic (nothing is ever half-written, a crash of the host loses nothing);
/// what a power cut or an operating system crash can lose is the last commits before it, never the consistency of
/// the file (SQLite, "Write-Ahead Logging" §"Performance Considerations"). A deployment that cannot accept that runs
/// on PostgreSQL or SQL Server.</item>
/// <item><c>busy_timeout</c> equal to the connection's <c>Default Timeout</c>: a writer that finds the file locked
/// waits inside SQLite, which retries within a millisecond or so, instead of failing at once and leaving the retry
/// to Microsoft.Data.Sqlite, which sleeps 150 ms between attempts; concurrent requests then queue for the write lock
/// instead of sleeping past it. The bound stays the same: past it, the command fails and the request is refused.</item>
/// </list>
/// Both settings live as long as the native connection, which Microsoft.Data.Sqlite keeps in its pool across many
/// <see cref="SqliteConnection"/> objects; they are applied once per native connection, not at every open (every
/// store call opens one, and the PRAGMAs took a tenth of an authorization request's time: docs/performance.md).
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    // The native connections already set up; an entry goes when its native connection is collected.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = Command(connection);
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection))
        {
            var command = Command(connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            MarkConfigured(connection);
        }
    }

    private static bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } native } || !Configured.TryGetValue(native, out _);

    // Only after the PRAGMAs succeeded: a failed attempt is retried at the next open.
    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native })
        {
            Configured.AddOrUpdate(native, native);
        }
    }

    private static DbCommand Command(DbConnection connection)
    {
        var timeout = connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30;
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The only value in it is an integer.
        command.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {timeout * 1000};";
#pragma warning restore CA2100
        return command;
    }
}
