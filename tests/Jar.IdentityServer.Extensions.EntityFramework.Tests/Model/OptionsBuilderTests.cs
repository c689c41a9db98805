using Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.EntityFrameworkCore.Models;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Model;

/// <summary>
/// <c>optionsBuilder.UseJarHardening()</c>: the JAR entities through the model customizer, the way
/// <c>optionsBuilder.UseOpenIddict()</c> adds OpenIddict's, with no change to the context class.
/// </summary>
public sealed class OptionsBuilderTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void UseJarHardening_alone_adds_the_JAR_entities()
    {
        using var context = Create(o => o.UseJarHardening());

        context.Model.FindEntityType(typeof(JarReplayEntry)).ShouldNotBeNull();
        context.Model.FindEntityType(typeof(JarClientPolicy)).ShouldNotBeNull();
        context.Model.FindEntityType(typeof(JarDecisionRecord)).ShouldNotBeNull();
    }

    [Fact]
    public void UseJarHardening_after_UseOpenIddict_keeps_both_models()
    {
        using var context = Create(o => o.UseOpenIddict().UseJarHardening());

        context.Model.FindEntityType(typeof(OpenIddictEntityFrameworkCoreApplication)).ShouldNotBeNull();
        context.Model.FindEntityType(typeof(JarReplayEntry)).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_stores_work_on_a_context_configured_only_through_its_options()
    {
        await using var host = StoreHost.For<PlainDbContext>(o => database.Configure(o.UseOpenIddict().UseJarHardening()), _time);

        (await host.Ledger.TryConsumeAsync("client", "jti-plain", _time.GetUtcNow().AddMinutes(5), CancellationToken.None)).ShouldBeTrue();
        (await host.Ledger.TryConsumeAsync("client", "jti-plain", _time.GetUtcNow().AddMinutes(5), CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_customizer_replaced_after_UseJarHardening_makes_the_stores_refuse_to_run()
    {
        await using var host = StoreHost.For<PlainDbContext>(o => database.Configure(o.UseJarHardening().UseOpenIddict()), _time);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            host.Ledger.TryConsumeAsync("client", "jti", _time.GetUtcNow().AddMinutes(5), CancellationToken.None).AsTask());

        refused.Message.ShouldContain("modelBuilder.UseJarHardening()");
        refused.Message.ShouldContain(nameof(PlainDbContext));
    }

    private PlainDbContext Create(Action<DbContextOptionsBuilder<PlainDbContext>> configure)
    {
        var options = new DbContextOptionsBuilder<PlainDbContext>();
        database.Configure(options);
        configure(options);
        return new PlainDbContext(options.Options);
    }

    /// <summary>A context whose model says nothing of JAR or OpenIddict: everything comes through its options.</summary>
    public sealed class PlainDbContext(DbContextOptions<PlainDbContext> options) : DbContext(options);
}
