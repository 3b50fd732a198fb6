using BrandPlatform.Reporting.Features.StudyProgramme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Reporting.Infrastructure.EntityConfigurations;

internal sealed class DesignatedMaterialConfiguration : IEntityTypeConfiguration<DesignatedMaterial>
{
    public void Configure(EntityTypeBuilder<DesignatedMaterial> material)
    {
        material.ToTable("study_designated_materials");
        material.HasKey(m => m.MaterialId);
        material.Property(m => m.MaterialId).ValueGeneratedNever();
        material.Property(m => m.Title).HasMaxLength(DesignatedMaterial.TitleMaxLength);
        // The first-agenda figure reads the materials designated in a period.
        material.HasIndex(m => m.DesignatedAt);
    }
}
