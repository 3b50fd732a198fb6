using BrandPlatform.Study.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Study.Infrastructure.EntityConfigurations;

internal sealed class TrainingSeriesConfiguration : IEntityTypeConfiguration<TrainingSeries>
{
    public void Configure(EntityTypeBuilder<TrainingSeries> series)
    {
        series.ToTable("training_series");
        series.Property(s => s.Id).ValueGeneratedNever();
        series.Property(s => s.Title).HasMaxLength(TrainingSeries.TitleMaxLength);
        series.Property(s => s.Description).HasMaxLength(TrainingSeries.DescriptionMaxLength);
        series.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        series.Property(s => s.CreatedBy).HasMaxLength(200);
        series.HasIndex(s => new { s.CreatedAt, s.Id });
    }
}
