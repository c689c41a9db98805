using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jar.IdentityServer.Extensions.EntityFramework;

internal sealed class JarPolicyChangeRecordConfiguration : IEntityTypeConfiguration<JarPolicyChangeRecord>
{
    public const string Table = "JarPolicyChanges";

    public void Configure(EntityTypeBuilder<JarPolicyChangeRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.ClientId).HasMaxLength(JarClientPolicy.MaxClientIdLength).IsRequired();
        builder.Property(r => r.ChangedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(r => r.Actor).HasMaxLength(JarPolicyChangeRecord.MaxActorLength).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(JarPolicyChangeRecord.MaxReasonLength).IsRequired();
        builder.Property(r => r.LooseningsJson).IsRequired();
        builder.Property(r => r.AfterJson).IsRequired();

        // The lint reads the recent ones; a client's history reads its own.
        builder.HasIndex(r => r.ChangedAt);
        builder.HasIndex(r => new { r.ClientId, r.ChangedAt });
    }
}
