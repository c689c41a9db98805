using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jar.IdentityServer.Extensions.EntityFramework;

internal sealed class JarReplayEntryConfiguration : IEntityTypeConfiguration<JarReplayEntry>
{
    public const string Table = "JarReplayEntries";

    public void Configure(EntityTypeBuilder<JarReplayEntry> builder)
    {
        builder.ToTable(Table);

        // The unique key that makes consuming a jti one atomic INSERT (RFC 9101 §10.2).
        builder.HasKey(e => new { e.ClientId, e.JwtId });
        builder.Property(e => e.ClientId).HasMaxLength(JarClientPolicy.MaxClientIdLength);
        builder.Property(e => e.JwtId).HasMaxLength(JarReplayEntry.MaxJwtIdLength);
        builder.Property(e => e.ExpiresAt).HasConversion<UtcDateTimeConverter>();

        // Pruning deletes by expiry.
        builder.HasIndex(e => e.ExpiresAt);
    }
}
