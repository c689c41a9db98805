using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Data;

/// <summary>
/// The host's one database: OpenIddict's applications, authorizations and tokens, the JAR stores' tables (client
/// policies, the replay ledger, decision records) beside them, and the demo client's pending authorizations.
/// </summary>
/// <remarks>
/// Abstract: each database provider has a context of its own (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgreSqlAppDbContext"/>, <see cref="SqlServerAppDbContext"/>), because EF Core's migrations are
/// provider-specific and are found by the context type they were generated for. Everything else asks for
/// <see cref="AppDbContext"/>; <see cref="DatabaseProvider"/> creates the one the configuration names.
/// </remarks>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Authorization requests started by the demo client and not yet redeemed, by <c>state</c>.</summary>
    public DbSet<PendingAuthorization> PendingAuthorizations => Set<PendingAuthorization>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);

        // In the model itself rather than through the options' model customizer, so that the migrations, the
        // design-time factories and the running host all see the same model.
        modelBuilder.UseOpenIddict();
        modelBuilder.UseJarHardening();
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
