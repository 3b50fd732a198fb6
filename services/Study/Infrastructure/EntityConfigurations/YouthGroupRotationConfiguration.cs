using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Study.Infrastructure.EntityConfigurations;

internal sealed class YouthGroupRotationConfiguration : IEntityTypeConfiguration<YouthGroupRotation>
{
    public void Configure(EntityTypeBuilder<YouthGroupRotation> rotation)
    {
        rotation.ToTable("youth_group_rotations");
        rotation.Property(r => r.Id).ValueGeneratedNever();
        // One rotation per group: two first schedulings at once cannot both create one.
        rotation.HasIndex(r => r.GroupId).IsUnique();
        rotation.Property(r => r.Terms).HasJsonColumn();
        rotation.Property(r => r.Version).IsConcurrencyToken();
    }
}
