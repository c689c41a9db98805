using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>A real database of one provider, created empty for one test class and dropped after it.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>Points a context at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>Points a context at a database of the same provider that cannot be reached.</summary>
    public abstract void ConfigureUnreachable(DbContextOptionsBuilder options);

    public TestDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>();
        Configure(options);
        return new TestDbContext(options.Options);
    }

    public async Task InitializeAsync()
    {
        await CreateAsync();
        await using var context = CreateContext();
        await context.Database.EnsureCreatedAsync();
    }

    public abstract Task DisposeAsync();

    protected abstract Task CreateAsync();
}
