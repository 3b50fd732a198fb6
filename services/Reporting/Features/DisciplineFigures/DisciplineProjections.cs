using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

// One projection per discipline event family, each the only writer of its table (queues reporting-discipline-*), so
// each can be cleared and rebuilt alone.

/// <summary>Warning campaigns: which campaign is a quarter's (queue reporting-discipline-campaigns).</summary>
[ProjectionName("discipline-campaigns")]
public sealed class CampaignsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<CampaignsProjection> logger)
    : RecordProjection<WarningCampaignEvent, CampaignRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>Warning sessions and, once held, who was present (queue reporting-discipline-sessions).</summary>
[ProjectionName("discipline-sessions")]
public sealed class SessionsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<SessionsProjection> logger)
    : RecordProjection<WarningSessionEvent, SessionRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>Quiz attempts, passed or not and reopened or not, never their scores (queue reporting-discipline-quiz-outcomes).</summary>
[ProjectionName("discipline-quiz-outcomes")]
public sealed class QuizOutcomesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<QuizOutcomesProjection> logger)
    : RecordProjection<QuizAttemptEvent, QuizOutcomeRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>Completed make-ups (queue reporting-discipline-make-ups).</summary>
[ProjectionName("discipline-make-ups")]
public sealed class MakeUpsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<MakeUpsProjection> logger)
    : RecordProjection<WarningMakeUpEvent, MakeUpRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>Integrity pledge signatures (queue reporting-discipline-pledges).</summary>
[ProjectionName("discipline-pledges")]
public sealed class PledgesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<PledgesProjection> logger)
    : RecordProjection<IntegrityPledgeEvent, PledgeSignatureRecord, ReportingDbContext>(db, timeProvider, logger);
