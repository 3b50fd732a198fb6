using BrandPlatform.Study.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Study.Infrastructure.EntityConfigurations;

internal sealed class StudyMaterialConfiguration : IEntityTypeConfiguration<StudyMaterial>
{
    public void Configure(EntityTypeBuilder<StudyMaterial> material)
    {
        material.ToTable("materials");
        material.Property(m => m.Id).ValueGeneratedNever();
        material.Property(m => m.Title).HasMaxLength(StudyMaterial.TitleMaxLength);
        material.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        material.Property(m => m.Source).HasMaxLength(StudyMaterial.SourceMaxLength);
        material.Property(m => m.Link).HasMaxLength(StudyMaterial.LinkMaxLength);
        material.Property(m => m.Summary).HasMaxLength(StudyMaterial.SummaryMaxLength);
        material.Property(m => m.CreatedBy).HasMaxLength(200);
        material.Property(m => m.DesignatedBy).HasMaxLength(200);
        material.Property(m => m.Version).IsConcurrencyToken();
        material.HasIndex(m => m.Tags).HasMethod("gin");
        material.HasIndex(m => new { m.PublishedOn, m.Id });
        material.HasIndex(m => m.DesignatedAt);
    }
}
