using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jar.IdentityServer.Extensions.EntityFramework;

internal sealed class JarDecisionRecordConfiguration : IEntityTypeConfiguration<JarDecisionRecord>
{
    public const string Table = "JarDecisionRecords";

    public void Configure(EntityTypeBuilder<JarDecisionRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.DecidedAt).HasConversion<UtcDateTimeConverter>();
        builder.Property(r => r.ClientId).HasMaxLength(JarDecisionRecord.MaxClientIdLength);

        // Names, not numbers: the audit trail stays readable and survives a reordering of the enums.
        builder.Property(r => r.Endpoint).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.RuleIds).HasMaxLength(JarDecisionRecord.MaxRuleIdsLength).IsRequired();
        builder.Property(r => r.Profile).HasMaxLength(JarClientPolicy.MaxProfileLength);
        builder.Property(r => r.RequestObjectHash).HasMaxLength(JarDecisionRecord.RequestObjectHashLength).IsFixedLength();
        builder.Property(r => r.JwtId).HasMaxLength(JarReplayEntry.MaxJwtIdLength);
        builder.Property(r => r.KeyId).HasMaxLength(JarDecisionRecord.MaxKeyIdLength);
        builder.Property(r => r.Algorithm).HasMaxLength(JarDecisionRecord.MaxAlgorithmLength);

        builder.Property(r => r.TrailId).HasMaxLength(JarDecisionRecord.TrailIdLength);
        builder.Property(r => r.Step).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.IntentHash).HasMaxLength(JarDecisionRecord.Base64UrlHashLength);
        builder.Property(r => r.Subject).HasMaxLength(JarDecisionRecord.MaxSubjectLength);
        builder.Property(r => r.Scopes).HasMaxLength(JarDecisionRecord.MaxTextLength);
        builder.Property(r => r.TokenIds).HasMaxLength(JarDecisionRecord.MaxTextLength);
        builder.Property(r => r.Reason).HasMaxLength(JarDecisionRecord.MaxTextLength);
        builder.Property(r => r.PreviousHash).HasMaxLength(JarDecisionRecord.Base64UrlHashLength);
        builder.Property(r => r.Hash).HasMaxLength(JarDecisionRecord.Base64UrlHashLength);

        // The chain: one record per position; a trail, an intent, an object or a token traced back to its records.
        builder.HasIndex(r => r.Sequence).IsUnique();
        builder.HasIndex(r => r.TrailId);
        builder.HasIndex(r => r.IntentHash);
        builder.HasIndex(r => r.RequestObjectHash);

        // A client's audit trail, newest first.
        builder.HasIndex(r => new { r.ClientId, r.DecidedAt });
    }
}
