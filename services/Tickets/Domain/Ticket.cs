using BrandPlatform.Platform.Programme;
using System.Text.Json;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Tickets.Resources;
using static BrandPlatform.Tickets.Resources.Texts;

namespace BrandPlatform.Tickets.Domain;

/// <summary>
/// An enterprise-service ticket (企业服务工单) in the 我为企业解难题 closed loop: 受理 → 交办 → 处置 → 反馈 → 办结 →
/// 企业确认. The entity owns its state machine: each transition is a method that checks the current state (409 naming
/// it otherwise), moves the clocks, appends to the timeline and raises the event that announces it.
/// </summary>
public sealed class Ticket : Aggregate
{
    public const int TitleMaxLength = TicketFields.TitleMaxLength;
    public const int DescriptionMaxLength = TicketFields.DescriptionMaxLength;
    public const int MaxAttachments = 20;
    public const int MaxCitedPolicies = 10;
    public const int NoteMaxLength = 2000;

    private readonly List<TimelineEntry> timeline = [];
    private readonly List<SupervisionOrder> supervisionOrders = [];
    private readonly List<ReturnVisit> returnVisits = [];
    private readonly List<Attachment> attachments = [];
    private readonly List<CoHandlingFeedback> coHandlingFeedback = [];

    private Ticket() { }

    public Guid Id { get; private set; }
    public TicketNumber Number { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public TicketCategory Category { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>The requester's profile; kind, name, credit code and chamber are kept as they were when it was filed.</summary>
    public Guid RequesterId { get; private set; }
    public RequesterKind RequesterKind { get; private set; }
    public string RequesterName { get; private set; } = "";
    /// <summary>Enterprises only; an enterprise contact sees the tickets of its own code.</summary>
    public string? UnifiedSocialCreditCode { get; private set; }
    public Guid? ChamberId { get; private set; }
    /// <summary>The chamber's name when the ticket was filed (reporting labels its figures per chamber with it).</summary>
    public string? ChamberName { get; private set; }
    /// <summary>What the requester sent (the files live in the document store; the ticket keeps their description).</summary>
    public IReadOnlyList<Attachment> Attachments => attachments;
    /// <summary>The 政策库 policies the answer cites, as they were named when cited.</summary>
    public List<PolicyCitation> CitedPolicies { get; private set; } = [];
    public TicketPriority Priority { get; private set; }
    public TicketChannel Channel { get; private set; }
    public TicketState State { get; private set; }
    /// <summary>Where a paused ticket returns when the requester's material arrives.</summary>
    public TicketState? StateBeforePause { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    public TimeSpan PausedWorkingTime { get; private set; }
    public Guid? LeadUnitId { get; private set; }
    public Guid[] CoHandlingUnitIds { get; private set; } = [];
    /// <summary>协办意见: each co-handling unit's own feedback to the lead unit.</summary>
    public IReadOnlyList<CoHandlingFeedback> CoHandlingFeedback => coHandlingFeedback;

    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset AcceptanceDue { get; private set; }
    public DateTimeOffset FirstContactDue { get; private set; }
    public DateTimeOffset? StageReplyDue { get; private set; }
    public DateTimeOffset? OriginalResolutionDue { get; private set; }
    public DateTimeOffset? ResolutionDue { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Another government system's own reference (e.g. its 12345 work-order number), unique per source.</summary>
    public ExternalReference? External { get; private set; }
    /// <summary>Who filed it (a person's or a government system's subject).</summary>
    public string SubmittedBy { get; private set; } = "";
    /// <summary>The government system (client id) that filed it; null when a person filed it, whatever the channel says.</summary>
    public string? FilingSystem { get; private set; }
    /// <summary>The brand (品牌) and measure it was filed under; the registry lives in reporting, which lists it on the brand's page.</summary>
    public Guid? BrandId { get; private set; }
    public Guid? BrandMeasureId { get; private set; }
    /// <summary>When anything last changed: other systems synchronise by it (changed-since).</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }
    /// <summary>An assignment objection awaiting the office's decision (the same working day).</summary>
    public PendingObjection? Objection { get; private set; }
    /// <summary>An extension request awaiting the office's decision.</summary>
    public PendingExtension? Extension { get; private set; }
    /// <summary>When a resolved ticket not yet confirmed enters the return-visit queue (3 working days after resolution).</summary>
    public DateTimeOffset? ConfirmationDue { get; private set; }
    /// <summary>A ticket the requester confirmed, drawn for a 回访 call that has not been made yet.</summary>
    public bool ReturnVisitPending { get; private set; }
    public IReadOnlyList<ReturnVisit> ReturnVisits => returnVisits;
    /// <summary>撤单质检: the office's monthly review of a withdrawal.</summary>
    public WithdrawalReview? WithdrawalReview { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public EscalationLevel EscalationLevel { get; private set; }
    public DateTimeOffset? LastEscalatedAt { get; private set; }
    public IReadOnlyList<SupervisionOrder> SupervisionOrders => supervisionOrders;

    /// <summary>Grows with every change; the ETag callers send back in If-Match.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    public bool IsOpen => State is not (TicketState.Rejected or TicketState.Confirmed or TicketState.Withdrawn);

    public static Ticket Submit(
        TicketNumber number, string title, TicketCategory category, string description, Requester requester, string requesterName,
        string? chamberName, TicketPriority priority, TicketChannel channel, ExternalReference? external, IReadOnlyCollection<AttachmentInfo> attachments,
        TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now, Guid? brandId = null, Guid? brandMeasureId = null)
    {
        var clocks = deadlines.For(priority);
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Title = title.Trim(),
            Category = category,
            Description = description.Trim(),
            RequesterId = requester.Id,
            RequesterKind = requester.Kind,
            RequesterName = requesterName.Trim(),
            UnifiedSocialCreditCode = requester.UnifiedSocialCreditCode,
            ChamberId = requester.ChamberId,
            ChamberName = requester.ChamberId is null ? null : chamberName,
            Priority = priority,
            Channel = channel,
            External = external,
            SubmittedBy = actor.Id,
            FilingSystem = actor.Role == TicketActor.GovernmentSystemRole ? actor.Id : null,
            BrandId = brandId,
            BrandMeasureId = brandId is null ? null : brandMeasureId,
            State = TicketState.Submitted,
            SubmittedAt = now,
            LastChangedAt = now,
            AcceptanceDue = clocks.Acceptance.After(now, deadlines.Calendar),
            FirstContactDue = clocks.FirstContact.After(now, deadlines.Calendar),
        };
        ticket.AttachAll(attachments, actor, now);
        ticket.timeline.Add(TimelineEntry.Record(ticket.Id, "submit", null, TicketState.Submitted, actor, null, now));
        ticket.Raise(ticket.Stamp(new TicketSubmitted
        {
            OccurredAt = now,
            RequesterName = ticket.RequesterName,
            Channel = channel.ToCode(),
            ExternalSource = external?.Source,
            ExternalReference = external?.Reference,
        }));
        return ticket;
    }

    /// <summary>Material added while the ticket is open (typically what a pause waited for).</summary>
    public void Attach(IReadOnlyCollection<AttachmentInfo> added, TicketActor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), Text(nameof(TicketTexts.AttachToClosed_Detail), State));
        }
        AttachAll(added, actor, now);
        Touch("attach", actor, string.Join("、", added.Select(a => a.FileName)), now);
    }

    private void AttachAll(IReadOnlyCollection<AttachmentInfo> added, TicketActor actor, DateTimeOffset now)
    {
        if (attachments.Count + added.Count > MaxAttachments)
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(TicketTexts.TooManyAttachments_Title), MaxAttachments), Text(nameof(TicketTexts.TooManyAttachments_Detail), MaxAttachments, attachments.Count));
        }
        attachments.AddRange(added.Select(a => Attachment.Record(Id, a, actor.Name, now)));
    }

    /// <summary>受理: the office takes the ticket on; the stage-reply and resolution clocks start.</summary>
    public void Accept(TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        Move(TicketStep.Accept, [TicketState.Submitted], TicketState.Accepted, actor, null, now);
        AcceptedAt = now;
        var clocks = deadlines.For(Priority);
        StageReplyDue = clocks.StageReply.After(now, deadlines.Calendar);
        ResolutionDue = OriginalResolutionDue = clocks.Resolution.After(now, deadlines.Calendar);
        Raise(Stamp(new TicketAccepted { OccurredAt = now, AcceptedAt = now }));
    }

    /// <summary>不予受理: out of scope, with the reason the requester is told.</summary>
    public void Reject(string reason, TicketActor actor, DateTimeOffset now)
    {
        Move(TicketStep.Reject, [TicketState.Submitted], TicketState.Rejected, actor, reason, now);
        ClosedAt = now;
        Raise(Stamp(new TicketRejected { OccurredAt = now, Reason = reason }));
    }

    /// <summary>交办: a lead unit (主办) and optional co-handling units (协办).</summary>
    public void Assign(Guid leadUnitId, IReadOnlyCollection<Guid> coHandlingUnitIds, TicketActor actor, DateTimeOffset now)
    {
        if (coHandlingUnitIds.Contains(leadUnitId))
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(TicketTexts.LeadAlsoCoHandling_Title)), Text(nameof(TicketTexts.LeadAlsoCoHandling_Detail), new UnitReference(leadUnitId)));
        }
        Move(TicketStep.Assign, [TicketState.Accepted, TicketState.Assigned, TicketState.Reopened], TicketState.Assigned, actor, null, now);
        AssignedAt = now;
        Objection = null;
        LeadUnitId = leadUnitId;
        CoHandlingUnitIds = [.. coHandlingUnitIds.Distinct()];
        Raise(Stamp(new TicketAssigned { OccurredAt = now }));
    }

    /// <summary>处置 begins: the lead unit has contacted the requester (first contact).</summary>
    public void StartHandling(string? note, TicketActor actor, DateTimeOffset now)
    {
        Move(TicketStep.Start, [TicketState.Assigned], TicketState.InProgress, actor, note, now);
        FirstContactAt ??= now;
    }

    /// <summary>阶段性答复 to the requester.</summary>
    public void Respond(string note, TicketActor actor, DateTimeOffset now)
    {
        Move(TicketStep.Respond, [TicketState.InProgress, TicketState.Responded], TicketState.Responded, actor, note, now);
        RespondedAt ??= now;
        Raise(Stamp(new TicketResponded { OccurredAt = now, RespondedAt = RespondedAt.Value }));
    }

    /// <summary>协办意见: a co-handling unit gives its feedback on its part while the lead unit handles the ticket.</summary>
    public void RecordCoHandlingFeedback(Guid unitId, string note, TicketActor actor, DateTimeOffset now)
    {
        if (State is not (TicketState.Assigned or TicketState.InProgress or TicketState.Responded))
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), Text(nameof(TicketTexts.CoHandlingFeedbackWhileHandled_Detail), State));
        }
        if (!CoHandlingUnitIds.Contains(unitId))
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(TicketTexts.NotCoHandlingUnit_Title)), Text(nameof(TicketTexts.NotCoHandlingUnit_Detail), new UnitReference(unitId)));
        }
        coHandlingFeedback.Add(Domain.CoHandlingFeedback.Record(Id, unitId, note, actor.Name, now));
        Touch("co-handling-feedback", actor with { UnitId = unitId }, note, now);
    }

    /// <summary>Co-handling units that have not given feedback since the latest assignment.</summary>
    public IReadOnlyList<Guid> CoHandlingUnitsAwaited =>
        [.. CoHandlingUnitIds.Where(unit => !coHandlingFeedback.Any(f => f.UnitId == unit && f.At >= AssignedAt))];

    /// <summary>办结: the lead unit reports the problem solved, once every co-handling unit has given its feedback.</summary>
    public void Resolve(string note, TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        if (CoHandlingUnitsAwaited.Count > 0 && State is TicketState.InProgress or TicketState.Responded)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.CoHandlingFeedbackAwaited_Title)),
                Text(nameof(TicketTexts.CoHandlingFeedbackAwaited_Detail), State, UnitReference.All(CoHandlingUnitsAwaited)));
        }
        Move(TicketStep.Resolve, [TicketState.InProgress, TicketState.Responded], TicketState.Resolved, actor, note, now);
        ResolvedAt = now;
        ConfirmationDue = deadlines.Calendar.DeadlineInWorkingDays(now, 3);
        Raise(Stamp(new TicketResolved
        {
            OccurredAt = now,
            ResolvedAt = now,
            HandlingWorkingHours = HandlingWorkingHours(deadlines.Calendar, AcceptedAt!.Value, now, PausedWorkingTime),
        }));
    }

    /// <summary>The unit's handling time: working hours from acceptance to resolution, the paused working time excluded.</summary>
    public static double HandlingWorkingHours(WorkingCalendar calendar, DateTimeOffset acceptedAt, DateTimeOffset resolvedAt, TimeSpan paused) =>
        Math.Round(Math.Max(0, (calendar.WorkingTimeBetween(acceptedAt, resolvedAt) - paused).TotalHours), 2);

    /// <summary>
    /// 企业确认/评价. A dissatisfied requester sends it back to be redone (退回重办); a closed one still gets a 回访 call
    /// when <paramref name="returnVisits"/> draws it (every one by default).
    /// </summary>
    public void Confirm(Satisfaction satisfaction, string? note, TicketActor actor, DateTimeOffset now, ReturnVisitPolicy? returnVisits = null)
    {
        Move(TicketStep.Confirm, [TicketState.Resolved], TicketState.Confirmed, actor, note, now);
        Satisfaction = satisfaction;
        Raise(Stamp(new TicketConfirmed { OccurredAt = now, Satisfaction = satisfaction.ToCode() }));
        if (satisfaction == Domain.Satisfaction.Dissatisfied)
        {
            Redo("requester dissatisfied", actor, now);
        }
        else
        {
            ClosedAt = now;
            ReturnVisitPending = (returnVisits ?? ReturnVisitPolicy.Default).Draws(Id);
        }
    }

    /// <summary>退回重办, and the ticket is urged at once: the requester said the problem is not solved.</summary>
    private void Redo(string reason, TicketActor actor, DateTimeOffset now)
    {
        Reopen(reason, actor, now);
        Escalate(EscalationLevel.Urged, LadderSteps.Urge, null, actor, now);
    }

    /// <summary>退回重办: back to the office for reassignment.</summary>
    public void Reopen(string reason, TicketActor actor, DateTimeOffset now)
    {
        Move(TicketStep.Reopen, [TicketState.Resolved, TicketState.Confirmed], TicketState.Reopened, actor, reason, now);
        ReopenCount++;
        ResolvedAt = null;
        ClosedAt = null;
        ReturnVisitPending = false;
        Raise(Stamp(new TicketReopened { OccurredAt = now, Reason = reason }));
    }

    /// <summary>Waiting for the requester's material: the clocks stop until <see cref="Resume"/>.</summary>
    public void Pause(string reason, TicketActor actor, DateTimeOffset now)
    {
        var from = State;
        Move(TicketStep.Pause, [TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded], TicketState.Paused, actor, reason, now);
        StateBeforePause = from;
        PausedAt = now;
        Raise(Stamp(new TicketPaused { OccurredAt = now, Reason = reason }));
    }

    /// <summary>The material arrived: the paused working time is added to every running clock.</summary>
    public void Resume(string? note, TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        Move(TicketStep.Resume, [TicketState.Paused], StateBeforePause ?? TicketState.Accepted, actor, note, now);
        var paused = deadlines.Calendar.WorkingTimeBetween(PausedAt!.Value, now);
        PausedWorkingTime += paused;
        StageReplyDue = Shift(StageReplyDue, paused, deadlines);
        ResolutionDue = Shift(ResolutionDue, paused, deadlines);
        OriginalResolutionDue = Shift(OriginalResolutionDue, paused, deadlines);
        if (FirstContactAt is null)
        {
            FirstContactDue = Shift(FirstContactDue, paused, deadlines)!.Value;
        }
        StateBeforePause = null;
        PausedAt = null;
        Raise(Stamp(new TicketResumed { OccurredAt = now }));
    }

    /// <summary>撤单: only the requester withdraws; the monthly withdrawal check reviews each one.</summary>
    public void Withdraw(string reason, TicketActor actor, DateTimeOffset now)
    {
        Move(TicketStep.Withdraw, [TicketState.Submitted, TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Paused],
            TicketState.Withdrawn, actor, reason, now);
        ClosedAt = now;
        WithdrawnAt = now;
        Raise(Stamp(new TicketWithdrawn { OccurredAt = now, Reason = reason }));
    }

    /// <summary>
    /// 回访 by phone for a resolved ticket the requester has not confirmed, or a confirmed one drawn for a call. An
    /// answered call with satisfaction confirms a resolved ticket; a dissatisfied answer or "not really solved" reopens
    /// and urges it, confirmed or not, like an online dissatisfied confirmation. An unanswered call is recorded and the
    /// ticket stays in the return-visit queue.
    /// </summary>
    public void RecordReturnVisit(bool answered, Satisfaction? satisfaction, bool? reallySolved, bool? improperRequest, string? note,
        TicketActor actor, DateTimeOffset now)
    {
        if (State != TicketState.Resolved && !(State == TicketState.Confirmed && ReturnVisitPending))
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), Text(nameof(TicketTexts.ReturnVisitNotDue_Detail), State));
        }
        if (answered && satisfaction is null)
        {
            throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.SatisfactionRequired_Title)), Text(nameof(TicketTexts.SatisfactionRequired_Detail)));
        }
        returnVisits.Add(ReturnVisit.Record(Id, answered, satisfaction, reallySolved, improperRequest, note, actor.Name, now));
        Touch("return-visit", actor, note, now);
        Raise(Stamp(new TicketReturnVisited
        {
            OccurredAt = now,
            Answered = answered,
            Satisfaction = satisfaction?.ToCode(),
            ReallySolved = reallySolved,
            ImproperRequest = improperRequest,
        }));
        if (!answered)
        {
            return;
        }
        var answer = reallySolved == false ? Domain.Satisfaction.Dissatisfied : satisfaction!.Value;
        if (State == TicketState.Resolved)
        {
            Confirm(answer, note, actor, now, ReturnVisitPolicy.None);
        }
        else if (answer == Domain.Satisfaction.Dissatisfied)
        {
            Satisfaction = answer;
            Redo("return visit: requester dissatisfied", actor, now);
        }
        ReturnVisitPending = false;
    }

    /// <summary>
    /// 撤单质检: the office reviews a withdrawal; one the requester was pressed into by a unit reopens the ticket and urges it.
    /// </summary>
    public void ReviewWithdrawal(bool pressedByUnit, string? note, TicketActor actor, DateTimeOffset now)
    {
        if (State != TicketState.Withdrawn || WithdrawalReview is not null)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), WithdrawalReview is null
                ? Text(nameof(TicketTexts.WithdrawalReviewNotDue_Detail), State)
                : Text(nameof(TicketTexts.WithdrawalAlreadyReviewed_Detail)));
        }
        WithdrawalReview = new WithdrawalReview(now, pressedByUnit, note);
        if (!pressedByUnit)
        {
            Touch("withdrawal-confirmed", actor, note, now);
            return;
        }
        Move(TicketStep.WithdrawalPressed, [TicketState.Withdrawn], TicketState.Reopened, actor, note, now);
        ReopenCount++;
        ClosedAt = null;
        Raise(Stamp(new TicketReopened { OccurredAt = now, Reason = "withdrawal pressed by a unit" }));
        Escalate(EscalationLevel.Urged, LadderSteps.Urge, null, actor, now);
    }

    /// <summary>
    /// 交办异议: the assigned lead unit says the ticket is not theirs, within one working day of the assignment and
    /// before it starts handling. The office decides by the close of the same working day.
    /// </summary>
    public void ObjectToAssignment(string reason, TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        if (State != TicketState.Assigned || Objection is not null)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), Objection is null
                ? Text(nameof(TicketTexts.ObjectionNotAllowed_Detail), State)
                : Text(nameof(TicketTexts.ObjectionPending_Detail)));
        }
        if (now > deadlines.Calendar.DeadlineInWorkingDays(AssignedAt!.Value, 1))
        {
            throw new RuleViolation(Text(nameof(TicketTexts.ObjectionPeriodOver_Title)), Text(nameof(TicketTexts.ObjectionPeriodOver_Detail)));
        }
        Objection = new PendingObjection(reason, now, actor.Name, deadlines.Calendar.CloseOf(ChinaCalendar.DateOf(deadlines.Calendar.NextWorkingMoment(now))));
        Touch("object", actor, reason, now);
    }

    /// <summary>The office upholds the objection (and assigns another lead unit) or dismisses it.</summary>
    public void DecideObjection(bool uphold, Guid? newLeadUnitId, string? note, TicketActor actor, DateTimeOffset now)
    {
        if (Objection is null)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.NoObjectionPending_Title)), Text(nameof(TicketTexts.NoObjectionPending_Detail), State));
        }
        if (uphold && newLeadUnitId is null)
        {
            throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.NewLeadUnitRequired_Title)), Text(nameof(TicketTexts.NewLeadUnitRequired_Detail)));
        }
        Touch(uphold ? "objection-upheld" : "objection-dismissed", actor, note, now);
        Objection = null;
        if (uphold)
        {
            Assign(newLeadUnitId!.Value, [.. CoHandlingUnitIds.Where(u => u != newLeadUnitId)], actor, now);
        }
    }

    /// <summary>
    /// 延期申请 by the handling unit at least one working day before the resolution deadline; the office decides.
    /// </summary>
    public void RequestExtension(DateTimeOffset requestedDue, string reason, TicketActor actor, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        if (State is not (TicketState.Assigned or TicketState.InProgress or TicketState.Responded) || Extension is not null)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.StepNotAllowed_Title)), Extension is null
                ? Text(nameof(TicketTexts.ExtensionNotAllowed_Detail), State)
                : Text(nameof(TicketTexts.ExtensionPending_Detail)));
        }
        var due = ResolutionDue!.Value;
        if (deadlines.Calendar.NextWorkingDay(ChinaCalendar.DateOf(now)) > ChinaCalendar.DateOf(due))
        {
            throw new RuleViolation(Text(nameof(TicketTexts.ExtensionTooLate_Title)), Text(nameof(TicketTexts.ExtensionTooLate_Detail), ChinaCalendar.DateOf(due)));
        }
        if (requestedDue <= due)
        {
            throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.ExtensionNotLater_Title)), Text(nameof(TicketTexts.ExtensionNotLater_Detail), ChinaCalendar.DateOf(due)));
        }
        Extension = new PendingExtension(requestedDue, reason, now, actor.Name);
        Touch("request-extension", actor, reason, now);
    }

    /// <summary>The office approves (the deadline moves; the original stays for statistics) or refuses.</summary>
    public void DecideExtension(bool approve, string? note, TicketActor actor, DateTimeOffset now)
    {
        if (Extension is not { } request)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.NoExtensionPending_Title)), Text(nameof(TicketTexts.NoExtensionPending_Detail), State));
        }
        Touch(approve ? "extension-approved" : "extension-refused", actor, note, now);
        Extension = null;
        if (approve)
        {
            ResolutionDue = request.RequestedDue;
            if (EscalationLevel == EscalationLevel.Reminded)
            {
                EscalationLevel = EscalationLevel.None;
            }
            Raise(Stamp(new TicketExtended { OccurredAt = now, Reason = request.Reason }));
        }
    }

    /// <summary>A change that keeps the state: recorded in the timeline, versioned.</summary>
    private void Touch(string action, TicketActor actor, string? note, DateTimeOffset now)
    {
        timeline.Add(TimelineEntry.Record(Id, action, State, State, actor, note, now));
        Version++;
        LastChangedAt = now;
    }

    /// <summary>
    /// 引用政策: the lead unit (or the office) cites a policy in force in its answer, while the ticket is handled or
    /// awaits confirmation; each policy once.
    /// </summary>
    public void CitePolicy(Guid policyId, string title, string issuer, DateOnly issuedOn, TicketActor actor, DateTimeOffset now)
    {
        TicketState[] allowed = [TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Paused, TicketState.Resolved];
        if (!allowed.Contains(State))
        {
            throw StepNotAllowed(State, TicketStep.CitePolicy, allowed);
        }
        if (CitedPolicies.Any(p => p.PolicyId == policyId) || CitedPolicies.Count >= MaxCitedPolicies)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.PolicyCited_Title)), Text(nameof(TicketTexts.PolicyCited_Detail), MaxCitedPolicies));
        }
        CitedPolicies = [.. CitedPolicies, new PolicyCitation(policyId, title, issuer, issuedOn, actor.Name, now)];
        Touch("policy-cited", actor, title, now);
    }

    /// <summary>
    /// One step of the ladder if one is due at <paramref name="now"/>, run by the scheduler: a reminder within the
    /// reminder window before the deadline; 催办 from the working day after a missed deadline; 督办单 to the leader the
    /// working day after 催办; 通报 a configured number of working days after 督办. Never outside working hours, never
    /// while paused (the clock is stopped) or once resolved or closed. At most one step per call.
    /// </summary>
    public bool AdvanceEscalation(EscalationPolicy policy, DeadlinePolicy deadlines, Guid? leaderId, DateTimeOffset now)
    {
        var calendar = deadlines.Calendar;
        if (ResolutionDue is not { } due || !calendar.IsWorkingTime(now)
            || State is TicketState.Paused or TicketState.Resolved or TicketState.Confirmed or TicketState.Rejected or TicketState.Withdrawn)
        {
            return false;
        }
        var today = ChinaCalendar.DateOf(now);
        var system = new TicketActor("escalation-scheduler", "督办提醒", null, null);
        switch (EscalationLevel)
        {
            case EscalationLevel.None when now < due && calendar.WorkingTimeBetween(now, due) <= policy.ReminderWindow:
                EscalationLevel = EscalationLevel.Reminded;
                LastEscalatedAt = now;
                Touch(LadderSteps.Remind, system, null, now);
                Raise(Stamp(new TicketReminded { OccurredAt = now }));
                return true;
            case EscalationLevel.None or EscalationLevel.Reminded when today >= calendar.NextWorkingDay(ChinaCalendar.DateOf(due)):
                Escalate(EscalationLevel.Urged, LadderSteps.Urge, null, system, now);
                return true;
            case EscalationLevel.Urged when today >= calendar.NextWorkingDay(ChinaCalendar.DateOf(LastEscalatedAt!.Value)):
                Escalate(EscalationLevel.Supervised, LadderSteps.Supervise, leaderId, system, now);
                return true;
            case EscalationLevel.Supervised when today >= calendar.AddWorkingDays(ChinaCalendar.DateOf(LastEscalatedAt!.Value), policy.PublicNoticeAfterDays):
                Escalate(EscalationLevel.Publicised, LadderSteps.Publicise, null, system, now);
                return true;
            default:
                return false;
        }
    }

    private void Escalate(EscalationLevel level, string step, Guid? leaderId, TicketActor actor, DateTimeOffset now)
    {
        EscalationLevel = level;
        LastEscalatedAt = now;
        if (level == EscalationLevel.Supervised)
        {
            supervisionOrders.Add(SupervisionOrder.Issue(Id, leaderId, now));
        }
        Touch(step, actor, null, now);
        Raise(Stamp(new TicketEscalated { OccurredAt = now, Step = step, LeaderId = leaderId }));
    }

    /// <summary>The 409 of a step the ticket's state does not allow, naming the state and the states that allow it.</summary>
    public static RuleViolation StepNotAllowed(TicketState state, TicketStep step, IReadOnlyCollection<TicketState> allowedFrom) =>
        new(Text(nameof(TicketTexts.StepNotAllowed_Title)), Text(nameof(TicketTexts.StepNotAllowed_Detail), state, step, allowedFrom));

    private void Move(TicketStep step, TicketState[] allowedFrom, TicketState to, TicketActor actor, string? note, DateTimeOffset now)
    {
        if (!allowedFrom.Contains(State))
        {
            throw StepNotAllowed(State, step, allowedFrom);
        }
        // The timeline records the step as its code (accept, withdrawal-pressed).
        timeline.Add(TimelineEntry.Record(Id, JsonNamingPolicy.KebabCaseLower.ConvertName(step.ToString()), State, to, actor, note, now));
        State = to;
        Version++;
        LastChangedAt = now;
    }

    private static DateTimeOffset? Shift(DateTimeOffset? deadline, TimeSpan paused, DeadlinePolicy deadlines) =>
        deadline is null || paused <= TimeSpan.Zero ? deadline : deadlines.Calendar.AddWorkingTime(deadline.Value, paused);

    private T Stamp<T>(T integrationEvent) where T : TicketEvent => integrationEvent with
    {
        TicketId = Id,
        Number = Number.Value,
        Category = Category.ToCode(),
        Priority = Priority.ToCode(),
        RequesterKind = RequesterKind.ToCode(),
        RequesterId = RequesterId,
        EnterpriseCode = UnifiedSocialCreditCode,
        ChamberId = ChamberId,
        ChamberName = ChamberName,
        FilingSystem = FilingSystem,
        BrandId = BrandId,
        BrandMeasureId = BrandMeasureId,
        FirstContactDue = FirstContactDue,
        FirstContactAt = FirstContactAt,
        State = State.ToCode(),
        LeadUnitId = LeadUnitId,
        CoHandlingUnitIds = CoHandlingUnitIds,
        SubmittedAt = SubmittedAt,
        AcceptanceDue = AcceptanceDue,
        StageReplyDue = StageReplyDue,
        OriginalResolutionDue = OriginalResolutionDue,
        ResolutionDue = ResolutionDue,
        PausedWorkingTime = PausedWorkingTime,
    };

}

public enum TicketState
{
    Submitted,
    Accepted,
    Rejected,
    Assigned,
    InProgress,
    Responded,
    Resolved,
    Confirmed,
    Reopened,
    Paused,
    Withdrawn,
}

/// <summary>The steps that move a ticket from one state to another.</summary>
public enum TicketStep
{
    Accept,
    Reject,
    Assign,
    Start,
    Respond,
    Resolve,
    Confirm,
    Reopen,
    Pause,
    Resume,
    Withdraw,
    WithdrawalPressed,
    /// <summary>引用政策: no move, but taken only in the states an answer is given in.</summary>
    CitePolicy,
}

/// <summary>A policy of the 政策库 an answer cites, named as it was when cited.</summary>
public sealed record PolicyCitation(Guid PolicyId, string Title, string Issuer, DateOnly IssuedOn, string CitedBy, DateTimeOffset CitedAt);

public enum RequesterKind
{
    Enterprise,
    /// <summary>A named person without a credit code: 民营经济人士, 新阶层人士.</summary>
    Person,
}

/// <summary>How the ticket arrived.</summary>
public enum TicketChannel
{
    Portal,
    /// <summary>A handler filed it on the requester's behalf.</summary>
    Handler,
    Visit,
    Hotline,
    GovernmentSystem,
    /// <summary>Raised at an engagement event (企业家日, 银企对接会, 商会大讲坛) and filed by liaison on the enterprise's behalf.</summary>
    Event,
    /// <summary>A blocker (堵点) of a task force's key project, filed by liaison on the project enterprise's behalf.</summary>
    Project,
    /// <summary>Raised during a community service (我为群众办实事) and filed on the resident's behalf.</summary>
    Community,
}

public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>One co-handling unit's feedback (协办意见) to the lead unit.</summary>
public sealed class CoHandlingFeedback
{
    private CoHandlingFeedback() { }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Note { get; private set; } = "";
    public string GivenBy { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static CoHandlingFeedback Record(Guid ticketId, Guid unitId, string note, string givenBy, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), TicketId = ticketId, UnitId = unitId, Note = note, GivenBy = givenBy, At = at,
    };
}

/// <summary>What a caller says about a file: its name, type, size and SHA-256 (the document store holds the bytes).</summary>
public sealed record AttachmentInfo(string FileName, string ContentType, long SizeBytes, string Sha256)
{
    public const int FileNameMaxLength = 200;
    public const long MaxSizeBytes = 50L * 1024 * 1024;

    /// <summary>What government offices exchange: PDF, images, Office and WPS documents, archives.</summary>
    public static readonly string[] AllowedContentTypes =
    [
        "application/pdf", "image/jpeg", "image/png", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-works", "application/ofd",
        "application/zip",
    ];
}

public sealed class Attachment
{
    private Attachment() { }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
    public string AddedBy { get; private set; } = "";

    internal static Attachment Record(Guid ticketId, AttachmentInfo info, string addedBy, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), TicketId = ticketId, FileName = info.FileName.Trim(), ContentType = info.ContentType,
        SizeBytes = info.SizeBytes, Sha256 = info.Sha256.ToLowerInvariant(), AddedAt = at, AddedBy = addedBy,
    };
}

/// <summary>The office's review of a withdrawal: was the requester pressed into it by a unit?</summary>
public sealed record WithdrawalReview(DateTimeOffset ReviewedAt, bool PressedByUnit, string? Note);

/// <summary>One return-visit call: whether anyone answered, and what the requester said.</summary>
public sealed class ReturnVisit
{
    private ReturnVisit() { }

    public Guid Id { get; private set; }
    public Guid TicketId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string VisitedBy { get; private set; } = "";
    public bool Answered { get; private set; }
    public Satisfaction? Satisfaction { get; private set; }
    public bool? ReallySolved { get; private set; }
    public bool? ImproperRequest { get; private set; }
    public string? Note { get; private set; }

    internal static ReturnVisit Record(Guid ticketId, bool answered, Satisfaction? satisfaction, bool? reallySolved, bool? improperRequest,
        string? note, string visitedBy, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        TicketId = ticketId,
        At = at,
        VisitedBy = visitedBy,
        Answered = answered,
        Satisfaction = satisfaction,
        ReallySolved = reallySolved,
        ImproperRequest = improperRequest,
        Note = note,
    };
}

/// <summary>An assignment objection waiting for the office; <see cref="DecisionDue"/> is the close of that working day.</summary>
public sealed record PendingObjection(string Reason, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset DecisionDue);

/// <summary>An extension request waiting for the office.</summary>
public sealed record PendingExtension(DateTimeOffset RequestedDue, string Reason, DateTimeOffset RequestedAt, string RequestedBy);

/// <summary>A reference in another system: the source (that system's client id) and its own number there.</summary>
public sealed record ExternalReference(string Source, string Reference)
{
    public const int MaxLength = 64;
}

/// <summary>Who did something to a ticket, as the timeline records it.</summary>
public sealed record TicketActor(string Id, string Name, string? Role, Guid? UnitId)
{
    /// <summary>The role a government system acts in (client credentials: its id is its client id).</summary>
    public const string GovernmentSystemRole = "GovernmentSystem";
}

/// <summary>One line of a ticket's timeline: appended with every change, never edited.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { }

    public long Id { get; private set; }
    public Guid TicketId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Action { get; private set; } = "";
    public TicketState? FromState { get; private set; }
    public TicketState ToState { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? ActorRole { get; private set; }
    public Guid? UnitId { get; private set; }
    public string? Note { get; private set; }

    internal static TimelineEntry Record(
        Guid ticketId, string action, TicketState? from, TicketState to, TicketActor actor, string? note, DateTimeOffset at) => new()
    {
        TicketId = ticketId,
        At = at,
        Action = action,
        FromState = from,
        ToState = to,
        ActorId = actor.Id,
        ActorName = actor.Name,
        ActorRole = actor.Role,
        UnitId = actor.UnitId,
        Note = note,
    };
}
