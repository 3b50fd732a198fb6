using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Domain;

/// <summary>
/// Where a task comes from: 会议决定, 上级要求, a brand's measure (举措), a rectification item (整改), or a practical matter
/// for citizens (我为群众办实事) the community service committed to (put on the list by reporting, never by hand).
/// </summary>
public enum TaskSource
{
    Decision,
    UpperRequirement,
    BrandMeasure,
    Rectification,
    PracticalMatter,
}

/// <summary>The meeting a rectification item (整改) came out of.</summary>
public enum RectificationMeeting
{
    /// <summary>民主生活会 (the leadership team's).</summary>
    DemocraticLife,
    /// <summary>组织生活会 (a branch's).</summary>
    OrganisationalLife,
}

/// <summary>定期反馈: how often the owner reports.</summary>
public enum FeedbackCadence
{
    Weekly,
    Fortnightly,
    Monthly,
}

public enum SupervisionTaskState
{
    InProgress,
    ClosureRequested,
    Closed,
}

/// <summary>The task's signal, computed at read time (README, "Supervision tasks": the exact rule).</summary>
public enum SupervisionStatus
{
    Green,
    Amber,
    Red,
}

/// <summary>An attachment's metadata: the file itself is kept elsewhere; the hash says which file was meant.</summary>
public sealed record AttachmentMeta(string Name, long Size, string ContentType, string Sha256);

/// <summary>A milestone of 倒排进度: due on a working day by the deadline; reached when the owner says so in feedback.</summary>
public sealed record TaskMilestone(Guid Id, string Title, DateOnly Due, DateOnly? ReachedOn);

/// <summary>One feedback entry (进展反馈) of the owner.</summary>
public sealed class TaskFeedback
{
    private TaskFeedback() { }

    internal TaskFeedback(Guid id, Guid taskId, string text, string? progress, Guid[] milestonesReached, IReadOnlyList<AttachmentMeta> attachments,
        string givenBy, DateTimeOffset givenAt)
    {
        Id = id;
        TaskId = taskId;
        Text = text;
        Progress = progress;
        MilestonesReached = milestonesReached;
        Attachments = attachments;
        GivenBy = givenBy;
        GivenAt = givenAt;
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public string Text { get; private set; } = "";
    /// <summary>A short progress note (e.g. "完成70%").</summary>
    public string? Progress { get; private set; }
    public Guid[] MilestonesReached { get; private set; } = [];
    public IReadOnlyList<AttachmentMeta> Attachments { get; private set; } = [];
    public string GivenBy { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
}

/// <summary>
/// A supervision task (督办事项, 日常任务清单): put on the list by the office from its source, owned by a unit and a
/// person, planned backwards from its deadline in milestones on working days, reported on at its cadence, and closed
/// with evidence the office accepts (or returns). Its green/amber/red signal is computed from the clock, never stored.
/// </summary>
public sealed class SupervisionTask : Aggregate
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ProgressMaxLength = 200;
    public const int MaxMilestones = 20;
    public const int MaxAttachments = 20;
    /// <summary>A milestone this many working days ahead, not reached, turns the task amber.</summary>
    public const int AmberWorkingDays = 2;

    private SupervisionTask() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public TaskSource Source { get; private set; }
    /// <summary>What the task rests on: the decision's meeting, the upper-level document, the rectification's finding.</summary>
    public string? Basis { get; private set; }
    public Guid? BrandId { get; private set; }
    public Guid? MeasureId { get; private set; }
    public RectificationMeeting? MeetingKind { get; private set; }
    public DateOnly? MeetingOn { get; private set; }
    public Guid OwnerUnitId { get; private set; }
    public Guid OwnerPersonId { get; private set; }
    /// <summary>China dates: when the task was put on the list and when it must be done.</summary>
    public DateOnly StartOn { get; private set; }
    public DateOnly Deadline { get; private set; }
    public FeedbackCadence Cadence { get; private set; }
    public IReadOnlyList<TaskMilestone> Milestones { get; private set; } = [];
    public DateOnly? LastFeedbackOn { get; private set; }
    public SupervisionTaskState State { get; private set; }
    public DateOnly? ClosureRequestedOn { get; private set; }
    public string? ClosureEvidence { get; private set; }
    public IReadOnlyList<AttachmentMeta> ClosureAttachments { get; private set; } = [];
    public DateOnly? ClosedOn { get; private set; }
    public bool? ClosedOnTime { get; private set; }
    public string? AcceptanceNote { get; private set; }
    public string? ReturnReason { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>What the task is about, as the office puts it on the list.</summary>
    public sealed record Origin(TaskSource Source, string? Basis, Guid? BrandId, Guid? MeasureId, RectificationMeeting? MeetingKind, DateOnly? MeetingOn);

    /// <summary>
    /// Puts a task on the list (the caller has checked the owner, the measure and the milestones' shape with
    /// <see cref="MilestoneProblem"/>): version 1, in progress, its first feedback due one cadence after today.
    /// </summary>
    /// <param name="id">A new id when null; a practical matter's task takes the matter's id, so the matter follows the task's events.</param>
    public static SupervisionTask Create(
        string title, string description, Origin origin, Guid ownerUnitId, Guid ownerPersonId, DateOnly deadline, FeedbackCadence cadence,
        IEnumerable<(string Title, DateOnly Due)> milestones, string actor, DateTimeOffset now, Guid? id = null)
    {
        var task = new SupervisionTask
        {
            Id = id ?? Guid.CreateVersion7(now),
            Title = title.Trim(),
            Description = description.Trim(),
            Source = origin.Source,
            Basis = origin.Basis?.Trim(),
            BrandId = origin.BrandId,
            MeasureId = origin.MeasureId,
            MeetingKind = origin.MeetingKind,
            MeetingOn = origin.MeetingOn,
            OwnerUnitId = ownerUnitId,
            OwnerPersonId = ownerPersonId,
            StartOn = ChinaCalendar.DateOf(now),
            Deadline = deadline,
            Cadence = cadence,
            Milestones = [.. milestones.Select(m => new TaskMilestone(Guid.CreateVersion7(now), m.Title.Trim(), m.Due, null))],
            State = SupervisionTaskState.InProgress,
            CreatedBy = actor,
            CreatedAt = now,
        };
        task.Touch(now);
        task.Raise(task.Stamp(new SupervisionTaskCreated
        {
            OccurredAt = now, FeedbackCadence = cadence.ToCode(), MilestoneDues = [.. task.Milestones.Select(m => m.Due)],
        }));
        return task;
    }

    /// <summary>
    /// Why these milestones cannot be the task's, as (index, message) for the field, or null: each due on a working day,
    /// not after the deadline, in date order.
    /// </summary>
    public static (int Index, string Message)? MilestoneProblem(IReadOnlyList<DateOnly> dues, DateOnly deadline, WorkingCalendar calendar)
    {
        for (var i = 0; i < dues.Count; i++)
        {
            if (!calendar.IsWorkingDay(dues[i]))
            {
                return (i, SupervisionTaskTexts.MilestoneNotWorkingDay);
            }
            if (dues[i] > deadline)
            {
                return (i, SupervisionTaskTexts.MilestoneAfterDeadline);
            }
            if (i > 0 && dues[i] < dues[i - 1])
            {
                return (i, SupervisionTaskTexts.MilestonesOutOfOrder);
            }
        }
        return null;
    }

    /// <summary>
    /// Dues another service planned, made acceptable to <see cref="MilestoneProblem"/> rather than refused (an event cannot
    /// be answered with a 422): one after the deadline moves to the deadline, one on a rest day to the last working day
    /// before it (earlier is never late), then in date order without repeats, at most <see cref="MaxMilestones"/> (the
    /// earliest: the near ones matter first, and the owner adjusts the rest).
    /// </summary>
    public static IReadOnlyList<DateOnly> FitMilestones(IEnumerable<DateOnly> dues, DateOnly deadline, WorkingCalendar calendar) =>
        [.. dues.Select(due => calendar.LatestWorkingDay(due > deadline ? deadline : due)).Distinct().Order().Take(MaxMilestones)];

    /// <summary>
    /// 倒排进度: <paramref name="count"/> milestones planned backwards from the deadline over the working days after
    /// <paramref name="start"/> up to the deadline, evenly spaced: the last on the deadline's working day (the deadline
    /// itself, or the last working day before it), each earlier one the same number of working days before the next.
    /// Fewer when there are fewer working days; none when there are none.
    /// </summary>
    public static IReadOnlyList<DateOnly> ProposeMilestones(DateOnly start, DateOnly deadline, int count, WorkingCalendar calendar)
    {
        var workingDays = new List<DateOnly>();
        for (var day = start.AddDays(1); day <= deadline; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                workingDays.Add(day);
            }
        }
        var n = workingDays.Count;
        var planned = Math.Min(count, n);
        // Counting back from the deadline, milestone k (0 = the last) sits k/planned of the way back; rounding keeps the
        // gaps within one working day of each other.
        return [.. Enumerable.Range(0, planned)
            .Select(k => workingDays[n - 1 - (int)Math.Round((double)k * n / planned, MidpointRounding.AwayFromZero)])
            .Reverse()];
    }

    /// <summary>
    /// The owner's (or the office's) new milestones, in order. A milestone named by its id keeps its reached date; one
    /// not named is removed, unless it was reached (422); a new one has no id. The caller checked the dates.
    /// </summary>
    public void AdjustMilestones(IReadOnlyList<(Guid? Id, string Title, DateOnly Due)> milestones, DateTimeOffset now)
    {
        RequireState(SupervisionTaskState.InProgress, nameof(SupervisionTaskTexts.StepAdjustMilestones));
        var existing = Milestones.ToDictionary(m => m.Id);
        if (milestones.FirstOrDefault(m => m.Id is { } id && !existing.ContainsKey(id)) is { Id: not null })
        {
            throw Unprocessable(nameof(SupervisionTaskTexts.MilestoneUnknown));
        }
        var kept = milestones.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        if (Milestones.Any(m => m.ReachedOn is not null && !kept.Contains(m.Id)))
        {
            throw Unprocessable(nameof(SupervisionTaskTexts.MilestoneReachedRemoved));
        }
        Milestones = [.. milestones.Select(m => new TaskMilestone(
            m.Id ?? Guid.CreateVersion7(now), m.Title.Trim(), m.Due, m.Id is { } id ? existing[id].ReachedOn : null))];
        Touch(now);
        Raise(Stamp(new SupervisionTaskMilestonesChanged { OccurredAt = now, MilestoneDues = [.. Milestones.Select(m => m.Due)] }));
    }

    /// <summary>The owner's feedback: it restarts the cadence, and the milestones it names are reached today.</summary>
    public TaskFeedback GiveFeedback(
        string text, string? progress, IReadOnlyCollection<Guid> milestonesReached, IReadOnlyList<AttachmentMeta> attachments, string actor, DateTimeOffset now)
    {
        RequireState(SupervisionTaskState.InProgress, nameof(SupervisionTaskTexts.StepGiveFeedback));
        var ids = Milestones.Select(m => m.Id).ToHashSet();
        if (milestonesReached.Any(id => !ids.Contains(id)))
        {
            throw Unprocessable(nameof(SupervisionTaskTexts.MilestoneUnknown));
        }
        var today = ChinaCalendar.DateOf(now);
        Milestones = [.. Milestones.Select(m => m.ReachedOn is null && milestonesReached.Contains(m.Id) ? m with { ReachedOn = today } : m)];
        LastFeedbackOn = today;
        var feedback = new TaskFeedback(Guid.CreateVersion7(now), Id, text.Trim(), progress?.Trim(), [.. milestonesReached.Distinct()], attachments, actor, now);
        Touch(now);
        Raise(Stamp(new SupervisionTaskFeedbackGiven { OccurredAt = now, FeedbackId = feedback.Id, MilestonesReached = feedback.MilestonesReached }));
        return feedback;
    }

    /// <summary>The owner puts the task forward for closure with evidence (销号申请).</summary>
    public void RequestClosure(string evidence, IReadOnlyList<AttachmentMeta> attachments, DateTimeOffset now)
    {
        RequireState(SupervisionTaskState.InProgress, nameof(SupervisionTaskTexts.StepRequestClosure));
        State = SupervisionTaskState.ClosureRequested;
        ClosureRequestedOn = ChinaCalendar.DateOf(now);
        ClosureEvidence = evidence.Trim();
        ClosureAttachments = attachments;
        ReturnReason = null;
        Touch(now);
        Raise(Stamp(new SupervisionTaskClosureRequested { OccurredAt = now, RequestedOn = ClosureRequestedOn.Value }));
    }

    /// <summary>The office accepts the evidence: closed, on time when closure was asked for by the deadline.</summary>
    public void AcceptClosure(string? note, DateTimeOffset now)
    {
        RequireState(SupervisionTaskState.ClosureRequested, nameof(SupervisionTaskTexts.StepAcceptClosure));
        State = SupervisionTaskState.Closed;
        AcceptanceNote = note?.Trim();
        ClosedOn = ChinaCalendar.DateOf(now);
        ClosedOnTime = ClosureRequestedOn <= Deadline;
        Touch(now);
        Raise(Stamp(new SupervisionTaskClosed { OccurredAt = now, ClosedOn = ClosedOn.Value, OnTime = ClosedOnTime.Value }));
    }

    /// <summary>The office returns the request: in progress again, the reason kept for the owner.</summary>
    public void ReturnClosure(string reason, DateTimeOffset now)
    {
        RequireState(SupervisionTaskState.ClosureRequested, nameof(SupervisionTaskTexts.StepReturnClosure));
        State = SupervisionTaskState.InProgress;
        ReturnReason = reason.Trim();
        ClosureRequestedOn = null;
        Touch(now);
        Raise(Stamp(new SupervisionTaskReturned { OccurredAt = now, Reason = ReturnReason }));
    }

    /// <summary>The day the next feedback is due: one cadence after the last feedback (or after the task was created).</summary>
    public DateOnly FeedbackDue => After(LastFeedbackOn ?? StartOn, 1);

    /// <summary>
    /// The due date of the latest cadence period missed by <paramref name="today"/> (feedback due before today and none
    /// given since), or null when none is missed: each missed period is reminded of once.
    /// </summary>
    public DateOnly? MissedFeedbackDue(DateOnly today)
    {
        if (today <= FeedbackDue)
        {
            return null;
        }
        var periods = 0;
        while (After(FeedbackDue, periods + 1) < today)
        {
            periods++;
        }
        return After(FeedbackDue, periods);
    }

    /// <summary>
    /// The signal on <paramref name="today"/>, null once closed (the rule, README "Supervision tasks"). While closure
    /// awaits acceptance the owner has reported: no feedback is expected, and milestones and the deadline are judged
    /// on the day closure was asked for.
    /// Red: feedback overdue by more than one cadence period (today after the due date plus one period), or a
    /// milestone or the deadline passed (due before the day judged) and not met.
    /// Amber: feedback overdue (today after its due date), or an unmet milestone or the deadline due within
    /// <see cref="AmberWorkingDays"/> working days (on the day judged or up to that many working days after it).
    /// Green otherwise.
    /// </summary>
    public SupervisionStatus? StatusOn(DateOnly today, WorkingCalendar calendar)
    {
        if (State == SupervisionTaskState.Closed)
        {
            return null;
        }
        var judged = ClosureRequestedOn ?? today;
        var dues = Milestones.Where(m => m.ReachedOn is null).Select(m => m.Due).Append(Deadline).ToList();
        var feedbackExpected = State == SupervisionTaskState.InProgress;
        if (dues.Any(due => due < judged) || (feedbackExpected && today > After(FeedbackDue, 1)))
        {
            return SupervisionStatus.Red;
        }
        var soon = calendar.AddWorkingDays(judged, AmberWorkingDays);
        if (dues.Any(due => due <= soon) || (feedbackExpected && today > FeedbackDue))
        {
            return SupervisionStatus.Amber;
        }
        return SupervisionStatus.Green;
    }

    private DateOnly After(DateOnly day, int periods) => Cadence switch
    {
        FeedbackCadence.Weekly => day.AddDays(7 * periods),
        FeedbackCadence.Fortnightly => day.AddDays(14 * periods),
        _ => day.AddMonths(periods),
    };

    private void RequireState(SupervisionTaskState required, string step)
    {
        if (State != required)
        {
            throw new RuleViolation(Text(nameof(SupervisionTaskTexts.StepNotAllowed_Title)),
                Text(nameof(SupervisionTaskTexts.StepNotAllowed_Detail), Text(step), State));
        }
    }

    private static RuleViolation Unprocessable(string detail) =>
        RuleViolation.Unprocessable(Text(nameof(SupervisionTaskTexts.StepNotAllowed_Title)), Text(detail));

    internal static LocalText Text(string key, params object?[] arguments) => SupervisionTaskTexts.ResourceManager.Text(key, arguments);

    private void Touch(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version++;
    }

    private T Stamp<T>(T integrationEvent) where T : SupervisionTaskEvent => integrationEvent with
    {
        TaskId = Id,
        Title = Title,
        Source = Source.ToCode(),
        OwnerUnitId = OwnerUnitId,
        OwnerPersonId = OwnerPersonId,
        Deadline = Deadline,
        BrandId = BrandId,
        MeasureId = MeasureId,
        State = State.ToCode(),
    };
}

/// <summary>
/// A reminder to a task's owner, recorded once per milestone or per missed feedback period (the unique key), and
/// announced for a notifier to deliver.
/// </summary>
public sealed class SupervisionTaskReminder : Aggregate
{
    private SupervisionTaskReminder() { }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    /// <summary>milestone or feedback.</summary>
    public string Kind { get; private set; } = "";
    /// <summary>What it reminds of, unique per task and kind: the milestone's id, or the missed feedback's due date.</summary>
    public string Subject { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public Guid RecipientId { get; private set; }
    public string Message { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    public const string MilestoneKind = "milestone", FeedbackKind = "feedback";
    public const int MessageMaxLength = 1000;

    public static SupervisionTaskReminder Issue(SupervisionTask task, TaskMilestone? milestone, DateOnly dueOn, string message, DateTimeOffset now)
    {
        var reminder = new SupervisionTaskReminder
        {
            Id = Guid.CreateVersion7(now),
            TaskId = task.Id,
            Kind = milestone is null ? FeedbackKind : MilestoneKind,
            Subject = milestone?.Id.ToString() ?? dueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DueOn = dueOn,
            RecipientId = task.OwnerPersonId,
            Message = message,
            IssuedAt = now,
        };
        reminder.Raise(new SupervisionTaskReminderDue
        {
            OccurredAt = now,
            ReminderId = reminder.Id,
            TaskId = task.Id,
            Kind = reminder.Kind,
            RecipientId = reminder.RecipientId,
            TaskTitle = task.Title,
            DueOn = dueOn,
            MilestoneId = milestone?.Id,
            Message = message,
        });
        return reminder;
    }
}
