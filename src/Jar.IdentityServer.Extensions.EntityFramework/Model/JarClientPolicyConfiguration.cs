using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jar.IdentityServer.Extensions.EntityFramework;

internal sealed class JarClientPolicyConfiguration : IEntityTypeConfiguration<JarClientPolicy>
{
    public const string Table = "JarClientPolicies";

    public void Configure(EntityTypeBuilder<JarClientPolicy> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(p => p.ClientId);
        builder.Property(p => p.ClientId).HasMaxLength(JarClientPolicy.MaxClientIdLength);
        builder.Property(p => p.Profile).HasMaxLength(JarClientPolicy.MaxProfileLength);
        builder.Property(p => p.OverridesJson).IsRequired();
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.Property(p => p.UpdatedAt).HasConversion<UtcDateTimeConverter>();
    }
}
