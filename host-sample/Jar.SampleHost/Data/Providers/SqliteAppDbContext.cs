using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>The host's database on SQLite; its migrations are in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteAppDbContext(DbContextOptions options) : AppDbContext(options);
