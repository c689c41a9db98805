using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jar.IdentityServer.Extensions.EntityFramework;

internal sealed class JarDecisionChainHeadConfiguration : IEntityTypeConfiguration<JarDecisionChainHead>
{
    public void Configure(EntityTypeBuilder<JarDecisionChainHead> builder)
    {
        builder.ToTable("JarDecisionChainHeads");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(JarDecisionRecord.Base64UrlHashLength).IsRequired();

        // The row exists from the migration on, so the first append locks it like every other.
        builder.HasData(new JarDecisionChainHead { Id = JarDecisionChainHead.SingleRowId, Sequence = 0, Hash = string.Empty });
    }
}
