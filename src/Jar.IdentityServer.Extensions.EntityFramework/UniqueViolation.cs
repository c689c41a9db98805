using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Tells a unique-key violation from every other database failure, without referencing any provider: the stores
/// run on whichever provider the host chose. Anything not recognised here is not a violation, so the caller
/// throws and the engine refuses (fail closed).
/// </summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException is DbException inner && Is(inner);

    private static bool Is(DbException exception) => exception.GetType().FullName switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (https://sqlite.org/rescode.html); the primary
        // code 19 alone covers NOT NULL, CHECK and foreign keys too.
        "Microsoft.Data.Sqlite.SqliteException" => IntProperty(exception, "SqliteExtendedErrorCode") is 2067 or 1555,

        // Violation of a PRIMARY KEY or UNIQUE constraint (2627), duplicate key in a unique index (2601).
        "Microsoft.Data.SqlClient.SqlException" => IntProperty(exception, "Number") is 2627 or 2601,

        // SQLSTATE 23505 unique_violation, which Npgsql's PostgresException reports through DbException.SqlState.
        _ => exception.SqlState == "23505",
    };

    private static int? IntProperty(DbException exception, string name) =>
        exception.GetType().GetProperty(name)?.GetValue(exception) is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : null;
}
