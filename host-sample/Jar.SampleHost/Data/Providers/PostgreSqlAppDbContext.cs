using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>
/// The host's database on PostgreSQL; its migrations are in <c>Migrations/PostgreSql</c>. PostgreSQL compares text
/// byte for byte under its default (deterministic) collations, so client ids and jti values need nothing more.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions options) : AppDbContext(options);
