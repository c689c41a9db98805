using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Adds the JAR entities, then runs the model customizer it took the place of (the provider's, or one another
/// library registered before, such as OpenIddict's), so both models end up in the context.
/// </summary>
/// <typeparam name="TInner">The customizer that was registered before.</typeparam>
internal sealed class JarHardeningModelCustomizer<TInner> : IModelCustomizer
    where TInner : IModelCustomizer
{
    private readonly TInner _inner;

    public JarHardeningModelCustomizer(IServiceProvider services)
    {
        _inner = ActivatorUtilities.CreateInstance<TInner>(services);
    }

    public void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        modelBuilder.UseJarHardening();
        _inner.Customize(modelBuilder, context);
    }
}
