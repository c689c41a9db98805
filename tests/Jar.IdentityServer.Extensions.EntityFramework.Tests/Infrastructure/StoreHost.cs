using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>
/// One server instance's container, wired the way a host wires it: its DbContext, the engine and the stores.
/// Two hosts over the same database are two instances sharing it.
/// </summary>
public sealed class StoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public StoreHost(
        Action<DbContextOptionsBuilder> database,
        FakeTimeProvider time,
        Action<JarHardeningOptions>? engine = null,
        Action<JarEntityFrameworkStoreOptions>? stores = null,
        LogCollector? logs = null)
        : this(Build<TestDbContext>(database, time, engine, stores, logs))
    {
    }

    private StoreHost(ServiceProvider services)
    {
        _services = services;
    }

    /// <summary>An instance over another context type than the test's own.</summary>
    public static StoreHost For<TContext>(Action<DbContextOptionsBuilder> database, FakeTimeProvider time)
        where TContext : DbContext => new(Build<TContext>(database, time, null, null, null));

    private static ServiceProvider Build<TContext>(
        Action<DbContextOptionsBuilder> database,
        FakeTimeProvider time,
        Action<JarHardeningOptions>? engine,
        Action<JarEntityFrameworkStoreOptions>? stores,
        LogCollector? logs)
        where TContext : DbContext
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton<TimeProvider>(time);
        services.AddDbContext<TContext>(database);
        services.AddJarEngine(engine);
        services.AddJarHardeningEntityFrameworkStores<TContext>(stores);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public IServiceProvider Services => _services;

    public IReplayLedger Ledger => _services.GetRequiredService<IReplayLedger>();

    public IJarPolicyStore Policies => _services.GetRequiredService<IJarPolicyStore>();

    public IJarPolicyAdministration Administration => _services.GetRequiredService<IJarPolicyAdministration>();

    public IJarDecisionSink Sink => _services.GetServices<IJarDecisionSink>().Single();

    /// <summary>The instance's writer of the decision chain (SQLite and PostgreSQL).</summary>
    internal ChainAppendQueue<TestDbContext> ChainWriter => _services.GetRequiredService<ChainAppendQueue<TestDbContext>>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
