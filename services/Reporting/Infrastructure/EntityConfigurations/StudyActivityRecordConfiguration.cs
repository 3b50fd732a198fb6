using BrandPlatform.Reporting.Features.StudyFigures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Reporting.Infrastructure.EntityConfigurations;

internal sealed class StudyActivityRecordConfiguration : IEntityTypeConfiguration<StudyActivityRecord>
{
    public void Configure(EntityTypeBuilder<StudyActivityRecord> activity)
    {
        activity.ToTable("study_activities");
        activity.HasKey(a => a.ActivityId);
        activity.Property(a => a.ActivityId).ValueGeneratedNever();
        activity.Property(a => a.Kind).HasMaxLength(40);
        activity.Property(a => a.State).HasMaxLength(20);
        // The summary reads held records by when they were held.
        activity.HasIndex(a => a.HeldAt);
        activity.Property(a => a.Topic).HasMaxLength(StudyActivityRecord.TopicMaxLength);
        activity.HasIndex(a => a.BrandId);
        activity.Property(a => a.Version).IsRowVersion();
    }
}
