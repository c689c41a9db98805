using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Gives each store call a DbContext of its own, never the request's: a failed INSERT (a replay) leaves its
/// context unusable, and a store must not see or save the host's pending changes. Uses the host's
/// <see cref="IDbContextFactory{TContext}"/> when one is registered, else a new scope's context.
/// </summary>
internal sealed class JarDbContexts<TContext>(IServiceScopeFactory scopes)
    where TContext : DbContext
{
    public async ValueTask<Lease> CreateAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var factory = scope.ServiceProvider.GetService<IDbContextFactory<TContext>>();
            var context = factory is null
                ? scope.ServiceProvider.GetRequiredService<TContext>()
                : await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            EnsureModel(context);
            return new Lease(scope, factory is null ? null : context, context);
        }
        catch
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void EnsureModel(TContext context)
    {
        if (context.Model.FindEntityType(typeof(JarReplayEntry)) is null)
        {
            throw new InvalidOperationException(
                $"The DbContext '{typeof(TContext).Name}' has no JAR entities. Call modelBuilder.UseJarHardening() in its OnModelCreating, "
                + "or optionsBuilder.UseJarHardening() after every other call that replaces the model customizer (such as UseOpenIddict()).");
        }
    }

    /// <summary>One store call's context; disposing it disposes the context and its scope.</summary>
    public readonly struct Lease(AsyncServiceScope scope, TContext? owned, TContext context) : IAsyncDisposable
    {
        public TContext Context { get; } = context;

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }

            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }
}
