using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC <see cref="DateTime"/>. SQLite keeps a DateTimeOffset as text
/// with its offset and can neither compare nor order it in SQL; a UTC DateTime is ISO-8601 text there (ordered as
/// text), <c>timestamp with time zone</c> on PostgreSQL and <c>datetime2</c> on SQL Server, so pruning and the
/// audit index compare instants the same way on every provider, and the columns stay readable.
/// </summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTimeOffset, DateTime>
{
    public UtcDateTimeConverter()
        : base(static v => v.UtcDateTime, static v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)))
    {
    }
}
