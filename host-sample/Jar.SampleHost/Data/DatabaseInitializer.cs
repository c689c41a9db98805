using Jar.SampleHost.Clients;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>On start: creates the database schema when it is missing, then registers the demo clients.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // EnsureCreated builds the whole schema in an empty database and never alters an existing one.
        await database.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        SampleHostLog.DatabaseReady(logger, database.Database.ProviderName);
        await scope.ServiceProvider.GetRequiredService<ClientSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        SampleHostLog.EphemeralKeys(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
