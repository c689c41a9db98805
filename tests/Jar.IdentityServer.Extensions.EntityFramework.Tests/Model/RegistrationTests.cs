using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Model;

/// <summary><c>AddJarHardeningEntityFrameworkStores</c> replaces the engine's single-instance stores in either order.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_stores_replace_the_engine_defaults_registered_before_or_after(bool engineFirst)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        if (engineFirst)
        {
            services.AddJarEngine();
        }

        services.AddJarHardeningEntityFrameworkStores<TestDbContext>();
        if (!engineFirst)
        {
            services.AddJarEngine();
        }

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        services.Count(d => d.ServiceType == typeof(IJarPolicyStore)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IReplayLedger)).ShouldBe(1);
        provider.GetRequiredService<IJarPolicyStore>().ShouldBeOfType<EntityFrameworkJarPolicyStore<TestDbContext>>();
        provider.GetRequiredService<IReplayLedger>().ShouldBeOfType<EntityFrameworkReplayLedger<TestDbContext>>();
        provider.GetServices<IJarDecisionSink>().ShouldHaveSingleItem().ShouldBeOfType<EntityFrameworkDecisionSink<TestDbContext>>();
        provider.GetRequiredService<IJarPolicyAdministration>().ShouldBeOfType<EntityFrameworkJarPolicyAdministration<TestDbContext>>();
    }

    [Fact]
    public void Adding_the_stores_twice_registers_each_once()
    {
        var services = new ServiceCollection();
        services.AddJarHardeningEntityFrameworkStores<TestDbContext>();
        services.AddJarHardeningEntityFrameworkStores<TestDbContext>();

        services.Count(d => d.ServiceType == typeof(IJarDecisionSink)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)).ShouldBe(2); // replay pruning, checkpoints
    }

    [Fact]
    public void An_out_of_range_setting_stops_the_host_naming_it()
    {
        var services = new ServiceCollection();
        services.AddJarHardeningEntityFrameworkStores<TestDbContext>(o =>
        {
            o.ReplayPruneInterval = TimeSpan.Zero;
            o.PolicyCacheDuration = TimeSpan.FromHours(1);
        });
        using var provider = services.BuildServiceProvider();

        var refused = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JarEntityFrameworkStoreOptions>>().Value);

        refused.Failures.Count().ShouldBe(2);
        refused.Message.ShouldContain("ReplayPruneInterval");
        refused.Message.ShouldContain("PolicyCacheDuration");
    }
}
