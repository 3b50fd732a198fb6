using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.StudyFigures;

/// <summary>Reporting's record of each study activity, from every activity event in the activity's order (queue reporting-study-activities).</summary>
[ProjectionName("study-activities")]
public sealed class StudyActivitiesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<StudyActivitiesProjection> logger)
    : VersionedProjection<StudyActivityEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(StudyActivityEvent integrationEvent, CancellationToken cancellationToken)
    {
        var record = await Db.StudyActivities.FindAsync([integrationEvent.ActivityId], cancellationToken);
        if (record is null)
        {
            record = StudyActivityRecord.For(integrationEvent);
            Db.StudyActivities.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.StudyActivities.ExecuteDeleteAsync(cancellationToken);
}
