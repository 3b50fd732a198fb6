using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

public enum SessionState
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>
/// A branch's warning-education session (警示教育会) of a campaign: planned within the campaign's quarter, then held
/// (attendance compiled like any study meeting's: the branch's roster on the day, members' check-ins with the session's
/// code, the keepers' marks) or cancelled. Members present are covered by attendance; the others make it up.
/// </summary>
public sealed class WarningSession : Aggregate
{
    public const int TopicMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int NotesMaxLength = 20000;
    public const int ReasonMaxLength = 500;
    public const int MaxDurationMinutes = 8 * 60;

    private WarningSession() { }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid BranchId { get; private set; }
    public string Topic { get; private set; } = "";
    /// <summary>The campaign's cases this session studies (all of them unless the keepers chose some).</summary>
    public Guid[] CaseIds { get; private set; } = [];
    public DateTimeOffset PlannedStart { get; private set; }
    public DateTimeOffset PlannedEnd { get; private set; }
    public string Place { get; private set; } = "";
    public SessionState State { get; private set; }
    public string CheckInCode { get; private set; } = "";
    public DateTimeOffset? HeldAt { get; private set; }
    public int? DurationMinutes { get; private set; }
    /// <summary>What was studied and said (会议记录).</summary>
    public string? Notes { get; private set; }
    public IReadOnlyList<AttendanceEntry> Attendance { get; private set; } = [];
    /// <summary>Who was present, for coverage queries.</summary>
    public Guid[] PresentIds { get; private set; } = [];
    public DateTimeOffset? RecordedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public string ScheduledBy { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>
    /// Plans a session of an open campaign for a branch (422 for a unit that is not an active branch, a time outside
    /// the campaign's quarter, an end before the start, or a case the campaign does not study).
    /// </summary>
    public static WarningSession Schedule(
        WarningCampaign campaign, DirectoryUnit branch, string topic, IReadOnlyCollection<Guid> caseIds, DateTimeOffset plannedStart,
        DateTimeOffset plannedEnd, string place, string actor, DateTimeOffset now)
    {
        campaign.RequireOpen(nameof(DisciplineTexts.StepScheduleSession));
        if (branch.Kind != UnitKinds.Branch || !branch.IsActive)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.NotABranch_Title)),
                Text(nameof(DisciplineTexts.NotABranch_Detail), new Platform.Localization.UnitReference(branch.Id)));
        }
        if (plannedEnd <= plannedStart)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.EndBeforeStart_Title)), Text(nameof(DisciplineTexts.EndBeforeStart_Detail)));
        }
        var day = ChinaCalendar.DateOf(plannedStart);
        if (day < campaign.Period.From || day > campaign.Period.To)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.SessionOutsideQuarter_Title)),
                Text(nameof(DisciplineTexts.SessionOutsideQuarter_Detail), campaign.Year, campaign.Quarter));
        }
        var cases = caseIds.Count == 0 ? campaign.CaseIds : [.. caseIds.Distinct()];
        if (cases.Except(campaign.CaseIds).Any())
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.CaseNotInCampaign_Title)), Text(nameof(DisciplineTexts.CaseNotInCampaign_Detail)));
        }
        var session = new WarningSession
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = campaign.Id,
            BranchId = branch.Id,
            Topic = topic.Trim(),
            CaseIds = cases,
            PlannedStart = plannedStart.ToUniversalTime(),
            PlannedEnd = plannedEnd.ToUniversalTime(),
            Place = place.Trim(),
            State = SessionState.Planned,
            CheckInCode = CheckInCodes.New(),
            ScheduledBy = actor,
            ScheduledAt = now,
        };
        session.Touch(now);
        session.Raise(session.Stamp(new WarningSessionScheduled { OccurredAt = now }));
        return session;
    }

    /// <summary>Refuses a check-in unless the session is planned and its window is open (409).</summary>
    public void RequireCheckInOpen(DateTimeOffset now)
    {
        RequireState(SessionState.Planned, nameof(DisciplineTexts.StepCheckIn));
        CheckInCodes.RequireOpen(PlannedStart, PlannedEnd, now);
    }

    /// <summary>Files the record of a planned session of an open campaign: when (not in the future), how long, notes, attendance.</summary>
    public void Hold(
        WarningCampaign campaign, DateTimeOffset heldAt, int durationMinutes, string notes, IReadOnlyList<AttendanceEntry> attendance,
        DateTimeOffset now)
    {
        RequireState(SessionState.Planned, nameof(DisciplineTexts.StepHoldSession));
        campaign.RequireOpen(nameof(DisciplineTexts.StepHoldSession));
        if (heldAt > now)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.HeldInFuture_Title)), Text(nameof(DisciplineTexts.HeldInFuture_Detail)));
        }
        HeldAt = heldAt.ToUniversalTime();
        DurationMinutes = durationMinutes;
        Notes = notes.Trim();
        Attendance = attendance;
        PresentIds = [.. attendance.WithStatus(AttendanceStatus.Present)];
        RecordedAt = now;
        State = SessionState.Held;
        Touch(now);
        Raise(Stamp(new WarningSessionHeld
        {
            OccurredAt = now,
            HeldAt = HeldAt.Value,
            DurationMinutes = durationMinutes,
            AttendeeIds = PresentIds,
            AbsentWithReasonIds = attendance.WithStatus(AttendanceStatus.AbsentWithReason),
            AbsentIds = attendance.WithStatus(AttendanceStatus.Absent),
        }));
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        RequireState(SessionState.Planned, nameof(DisciplineTexts.StepCancelSession));
        State = SessionState.Cancelled;
        CancelledAt = now;
        CancelReason = reason.Trim();
        Touch(now);
        Raise(Stamp(new WarningSessionCancelled { OccurredAt = now, Reason = CancelReason }));
    }

    private void RequireState(SessionState required, string step)
    {
        if (State != required)
        {
            throw new RuleViolation(Text(nameof(DisciplineTexts.StepNotAllowed_Title)),
                Text(nameof(DisciplineTexts.StepNotAllowed_Detail), Text(step), State));
        }
    }

    private void Touch(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version++;
    }

    private T Stamp<T>(T integrationEvent) where T : WarningSessionEvent => integrationEvent with
    {
        SessionId = Id,
        CampaignId = CampaignId,
        BranchId = BranchId,
        Topic = Topic,
        PlannedStart = PlannedStart,
        PlannedEnd = PlannedEnd,
        State = State.ToCode(),
    };
}
