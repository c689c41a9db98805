using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Data;

/// <summary>
/// On start (and before a command): brings the database to the latest migration of its provider, stores the
/// configured JAR policies of clients that have none yet, then registers the demo clients with OpenIddict.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(services, DatabaseSetup.All, cancellationToken).ConfigureAwait(false);
        SampleHostLog.EphemeralKeys(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task InitializeAsync(IServiceProvider services, DatabaseSetup setup, CancellationToken cancellationToken)
    {
        if (!setup.HasFlag(DatabaseSetup.Schema))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILogger<DatabaseInitializer>>();
        var database = provider.GetRequiredService<AppDbContext>().Database;

        // Migrations, not EnsureCreated: an existing database is brought forward instead of left as it was. A
        // SQLite file is created on the way; PostgreSQL and SQL Server need the database itself to exist, or a
        // login allowed to create it.
        // A current database is left alone: MigrateAsync would take the migration lock and open a transaction for nothing.
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers go on while one writer commits; see SqliteConnectionSettings.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }

        SampleHostLog.DatabaseReady(logger, database.ProviderName, pending.Count == 0 ? "none" : string.Join(", ", pending));
        if (!setup.HasFlag(DatabaseSetup.Policies))
        {
            return;
        }

        // Configuration seeds the policy table once per client; from then on the table is the source of truth
        // (policy set, or any other writer of IJarPolicyAdministration), and a changed appsettings.json no longer
        // changes a stored policy.
        var configured = provider.GetRequiredService<IOptions<JarHardeningOptions>>().Value.Clients;
        var seeded = await provider.GetRequiredService<IJarPolicyAdministration>().SeedAsync(configured, cancellationToken).ConfigureAwait(false);
        SampleHostLog.PoliciesSeeded(logger, seeded, configured.Count - seeded);
        if (!setup.HasFlag(DatabaseSetup.Registrations))
        {
            return;
        }

        await provider.GetRequiredService<ClientSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
    }
}
