using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jar.SampleHost.Data;

/// <summary>
/// Contexts for the JAR stores from a pool (EF Core's <see cref="PooledDbContextFactory{TContext}"/>) of the configured
/// provider's context. Every store call (the replay ledger's INSERT, a decision record) takes a context of its own,
/// never the request's (see the stores' JarDbContexts), two or three per authorization request: a pooled context is
/// reset and reused instead of built with its services each time. The stores use this factory because it is registered
/// as <see cref="IDbContextFactory{TContext}"/>; the request's own context (OpenIddict's stores, the pages) stays scoped.
/// </summary>
internal sealed class PooledAppDbContexts(IConfiguration configuration, IHostEnvironment environment) : IDbContextFactory<AppDbContext>
{
    private readonly Lazy<Func<AppDbContext>> _create = new(() => Create(configuration, environment.ContentRootPath));

    public AppDbContext CreateDbContext() => _create.Value();

    // The provider is read at the first context, once every configuration source has been added (as for the scoped one).
    private static Func<AppDbContext> Create(IConfiguration configuration, string contentRoot) => DatabaseProvider.Name(configuration) switch
    {
        DatabaseProvider.Sqlite => Pool<SqliteAppDbContext>(configuration, contentRoot),
        DatabaseProvider.PostgreSql => Pool<PostgreSqlAppDbContext>(configuration, contentRoot),
        _ => Pool<SqlServerAppDbContext>(configuration, contentRoot),
    };

    private static Func<AppDbContext> Pool<TContext>(IConfiguration configuration, string contentRoot)
        where TContext : AppDbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseProvider.Configure(options, configuration, contentRoot);
        var pool = new PooledDbContextFactory<TContext>(options.Options);
        return pool.CreateDbContext;
    }
}
