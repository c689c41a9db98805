using System.Data.Common;
using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Replay;

/// <summary>The pruning service outlives a database outage: a failed tick is logged and the next one prunes.</summary>
public sealed class SqlitePruningOutageTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jar-ef-outage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_pruning_service_survives_an_unreachable_database_and_prunes_once_it_is_back()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "jar.db") }.ToString();
        var logs = new LogCollector();
        await using var host = new StoreHost(o => o.UseSqlite(connectionString), _time, stores: o => o.ReplayPruneInterval = TimeSpan.FromMinutes(1), logs: logs);
        var service = host.Services.GetServices<IHostedService>().OfType<ReplayPruningService<TestDbContext>>().Single();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The database's directory does not exist: the tick fails, and is logged.
            _time.Advance(TimeSpan.FromMinutes(1));
            var failure = await logs.WaitForAsync(4201);
            failure.ShouldBeAssignableTo<DbException>();

            // The database comes back, with one expired entry and one live one.
            Directory.CreateDirectory(_directory);
            await using (var context = Create(connectionString))
            {
                await context.Database.EnsureCreatedAsync();
                context.Set<JarReplayEntry>().AddRange(
                    new JarReplayEntry { ClientId = "client", JwtId = "jti-expired", ExpiresAt = Start.AddSeconds(90) },
                    new JarReplayEntry { ClientId = "client", JwtId = "jti-live", ExpiresAt = Start.AddMinutes(10) });
                await context.SaveChangesAsync();
            }

            _time.Advance(TimeSpan.FromMinutes(1));
            await logs.WaitForAsync(4200);

            await using (var context = Create(connectionString))
            {
                (await context.Set<JarReplayEntry>().Select(e => e.JwtId).ToListAsync()).ShouldBe(["jti-live"]);
            }

            service.ExecuteTask!.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static TestDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(connectionString).Options);
}
