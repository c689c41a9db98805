using Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Signs a checkpoint of the chain head every <see cref="JarAuditOptions.CheckpointInterval"/>.</summary>
internal sealed class CheckpointService<TContext>(
    IServiceProvider services,
    IOptions<JarAuditOptions> options,
    TimeProvider time,
    ILogger<CheckpointService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckpointInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await services.GetRequiredService<IJarAuditTrail>().CheckpointAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                JarStoreLog.CheckpointFailed(logger, e);
            }
        }
    }
}
