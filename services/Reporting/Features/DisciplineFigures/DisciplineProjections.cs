using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

// One projection per discipline event family, each the only writer of its table (queues reporting-discipline-*), so
// each can be cleared and rebuilt alone.

/// <summary>Warning campaigns: which campaign is a quarter's (queue reporting-discipline-campaigns).</summary>
[ProjectionName("discipline-campaigns")]
public sealed class CampaignsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<CampaignsProjection> logger)
    : VersionedProjection<WarningCampaignEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(WarningCampaignEvent integrationEvent, CancellationToken cancellationToken)
    {
        var record = await Db.DisciplineCampaigns.FindAsync([integrationEvent.CampaignId], cancellationToken);
        if (record is null)
        {
            record = CampaignRecord.For(integrationEvent);
            Db.DisciplineCampaigns.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DisciplineCampaigns.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Warning sessions and, once held, who was present (queue reporting-discipline-sessions).</summary>
[ProjectionName("discipline-sessions")]
public sealed class SessionsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<SessionsProjection> logger)
    : VersionedProjection<WarningSessionEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(WarningSessionEvent integrationEvent, CancellationToken cancellationToken)
    {
        var record = await Db.DisciplineSessions.FindAsync([integrationEvent.SessionId], cancellationToken);
        if (record is null)
        {
            record = SessionRecord.For(integrationEvent);
            Db.DisciplineSessions.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DisciplineSessions.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Quiz attempts, passed or not and reopened or not, never their scores (queue reporting-discipline-quiz-outcomes).</summary>
[ProjectionName("discipline-quiz-outcomes")]
public sealed class QuizOutcomesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<QuizOutcomesProjection> logger)
    : VersionedProjection<QuizAttemptEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(QuizAttemptEvent integrationEvent, CancellationToken cancellationToken)
    {
        var record = await Db.DisciplineQuizOutcomes.FindAsync([integrationEvent.AttemptId], cancellationToken);
        if (record is null)
        {
            record = QuizOutcomeRecord.For(integrationEvent);
            Db.DisciplineQuizOutcomes.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DisciplineQuizOutcomes.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Completed make-ups (queue reporting-discipline-make-ups).</summary>
[ProjectionName("discipline-make-ups")]
public sealed class MakeUpsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<MakeUpsProjection> logger)
    : VersionedProjection<WarningMakeUpEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(WarningMakeUpEvent integrationEvent, CancellationToken cancellationToken)
    {
        // An unnumbered replay bypasses the position: the row itself says it was applied.
        if (integrationEvent is WarningMakeUpCompleted completed
            && await Db.DisciplineMakeUps.FindAsync([completed.MakeUpId], cancellationToken) is null)
        {
            Db.DisciplineMakeUps.Add(MakeUpRecord.Of(completed));
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DisciplineMakeUps.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>Integrity pledge signatures (queue reporting-discipline-pledges).</summary>
[ProjectionName("discipline-pledges")]
public sealed class PledgesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<PledgesProjection> logger)
    : VersionedProjection<IntegrityPledgeEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(IntegrityPledgeEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent is PledgeSigned signed
            && await Db.DisciplinePledgeSignatures.FindAsync([signed.SignatureId], cancellationToken) is null)
        {
            Db.DisciplinePledgeSignatures.Add(PledgeSignatureRecord.Of(signed));
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DisciplinePledgeSignatures.ExecuteDeleteAsync(cancellationToken);
}
