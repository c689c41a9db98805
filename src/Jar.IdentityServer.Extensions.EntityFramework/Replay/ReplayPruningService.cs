using Jar.IdentityServer.Extensions.EntityFramework.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Deletes expired replay entries every <see cref="JarEntityFrameworkStoreOptions.ReplayPruneInterval"/>. A
/// failure (the database is down) is logged and the next interval tries again; the ledger itself never depends
/// on pruning, since an expired entry is taken over on the spot.
/// </summary>
internal sealed class ReplayPruningService<TContext>(
    EntityFrameworkReplayLedger<TContext> ledger,
    IOptions<JarEntityFrameworkStoreOptions> options,
    TimeProvider time,
    ILogger<ReplayPruningService<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created before ExecuteAsync runs (on its own thread), so the first interval counts from start-up.
        _timer = new PeriodicTimer(options.Value.ReplayPruneInterval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer!;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var pruned = await ledger.PruneAsync(stoppingToken).ConfigureAwait(false);
                JarStoreLog.ReplayPruned(logger, pruned);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                JarStoreLog.ReplayPruneFailed(logger, e);
            }
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }
}
