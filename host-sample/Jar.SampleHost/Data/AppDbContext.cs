using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>
/// The host's one database: OpenIddict's applications, authorizations and tokens (added by <c>UseOpenIddict()</c> in
/// <see cref="DatabaseProvider"/>), the JAR stores' tables when they are registered, and the demo client's pending
/// authorizations.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    /// <summary>Authorization requests started by the demo client and not yet redeemed, by <c>state</c>.</summary>
    public DbSet<PendingAuthorization> PendingAuthorizations => Set<PendingAuthorization>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<PendingAuthorization>(entity =>
        {
            entity.ToTable("DemoPendingAuthorizations");
            entity.HasKey(p => p.State);
            entity.Property(p => p.State).HasMaxLength(PendingAuthorization.MaxStateLength);
            entity.Property(p => p.ClientId).HasMaxLength(100).IsRequired();
            entity.Property(p => p.CodeVerifier).HasMaxLength(128).IsRequired();
            entity.Property(p => p.RedirectUri).HasMaxLength(2000).IsRequired();
        });
    }
}
