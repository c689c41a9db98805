using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Identifiers in the SQL the stores write themselves (SQLite and PostgreSQL only): both quote with double quotes,
/// doubling any inside, and name a table in a schema as <c>"schema"."table"</c>.
/// </summary>
internal static class SqlIdentifiers
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Table(StoreObjectIdentifier table) =>
        table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);

    /// <summary>The table of <paramref name="entity"/> in the host's model.</summary>
    public static StoreObjectIdentifier TableOf(IEntityType entity) => StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

    /// <summary>The quoted column of <paramref name="property"/> of <paramref name="entity"/> in its table.</summary>
    public static string Column(IEntityType entity, string property) => Quote(entity.FindProperty(property)!.GetColumnName(TableOf(entity))!);

    /// <summary>True for the providers whose SQL the stores write themselves.</summary>
    public static bool Written(string provider) => provider is "Microsoft.EntityFrameworkCore.Sqlite" or "Npgsql.EntityFrameworkCore.PostgreSQL";
}
