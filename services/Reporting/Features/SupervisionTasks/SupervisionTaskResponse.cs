using BrandPlatform.Platform.Calendar;
using BrandPlatform.Reporting.Domain;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <param name="Status">green, amber or red on the service's clock today; null once closed.</param>
/// <param name="FeedbackDue">When the next feedback is due (one cadence after the last, or after creation).</param>
public sealed record TaskResponse(
    Guid Id, string Title, string Description, TaskSource Source, string? Basis, Guid? BrandId, Guid? MeasureId,
    RectificationMeeting? MeetingKind, DateOnly? MeetingOn, Guid OwnerUnitId, Guid OwnerPersonId, DateOnly StartOn, DateOnly Deadline,
    FeedbackCadence FeedbackCadence, DateOnly FeedbackDue, DateOnly? LastFeedbackOn, IReadOnlyList<TaskMilestone> Milestones,
    SupervisionTaskState State, SupervisionStatus? Status, TaskClosure? Closure, string? ReturnReason, DateTimeOffset CreatedAt, int Version)
{
    public static string ETagOf(SupervisionTask task) => $"\"{task.Version}\"";

    public static TaskResponse From(SupervisionTask task, DateOnly today, WorkingCalendar calendar) => new(
        task.Id, task.Title, task.Description, task.Source, task.Basis, task.BrandId, task.MeasureId, task.MeetingKind, task.MeetingOn,
        task.OwnerUnitId, task.OwnerPersonId, task.StartOn, task.Deadline, task.Cadence, task.FeedbackDue, task.LastFeedbackOn, task.Milestones,
        task.State, task.StatusOn(today, calendar),
        task.ClosureRequestedOn is null && task.ClosedOn is null
            ? null
            : new TaskClosure(task.ClosureRequestedOn, task.ClosureEvidence ?? "", task.ClosureAttachments, task.ClosedOn, task.ClosedOnTime, task.AcceptanceNote),
        task.ReturnReason, task.CreatedAt, task.Version);
}

/// <param name="OnTime">Whether closure was asked for by the deadline (set when the office accepts).</param>
public sealed record TaskClosure(DateOnly? RequestedOn, string Evidence, IReadOnlyList<AttachmentMeta> Attachments, DateOnly? ClosedOn, bool? OnTime, string? AcceptanceNote);

public sealed record FeedbackResponse(
    Guid Id, string Text, string? Progress, IReadOnlyList<Guid> MilestonesReached, IReadOnlyList<AttachmentMeta> Attachments, string GivenBy,
    DateTimeOffset GivenAt)
{
    public static FeedbackResponse From(TaskFeedback feedback) => new(
        feedback.Id, feedback.Text, feedback.Progress, feedback.MilestonesReached, feedback.Attachments, feedback.GivenBy, feedback.GivenAt);
}

public sealed record ProposedMilestone(string Title, DateOnly Due);

public sealed record MilestoneProposal(DateOnly Start, DateOnly Deadline, IReadOnlyList<ProposedMilestone> Milestones);
