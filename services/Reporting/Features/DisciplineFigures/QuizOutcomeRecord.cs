using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>
/// One member's quiz attempt at a campaign: passed or not, and whether the office reopened it (then it no longer
/// counts). The score the event carries is the member's own and is never kept here.
/// </summary>
public sealed class QuizOutcomeRecord : IEventRecord<QuizAttemptEvent, QuizOutcomeRecord>
{
    private QuizOutcomeRecord() { }

    public Guid AttemptId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    public bool Passed { get; private set; }
    public bool Reopened { get; private set; }
    public uint Version { get; private set; }

    public static Guid KeyOf(QuizAttemptEvent integrationEvent) => integrationEvent.AttemptId;

    public static QuizOutcomeRecord For(QuizAttemptEvent integrationEvent) => new()
    {
        AttemptId = integrationEvent.AttemptId,
        CampaignId = integrationEvent.CampaignId,
        PersonId = integrationEvent.PersonId,
    };

    public void Apply(QuizAttemptEvent integrationEvent)
    {
        switch (integrationEvent)
        {
            case QuizCompleted completed:
                Passed = completed.Passed;
                break;
            case QuizReopened:
                Reopened = true;
                break;
        }
    }
}
