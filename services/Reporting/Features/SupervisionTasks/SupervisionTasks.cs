using System.Globalization;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <summary>
/// 日常任务清单: the office puts tasks on the list (milestones proposed backwards from the deadline), owners adjust the
/// milestones, report at the cadence and put the task forward for closure; the office accepts or returns it. The
/// office and leaders see every task; others see the tasks they own and those of their units; any other task does not
/// exist for them (404).
/// </summary>
public static class SupervisionTasks
{
    private const string Task = "/tasks/{id:guid}";
    public const int DefaultMilestones = 4;

    public static RouteGroupBuilder MapSupervisionTasks(this RouteGroupBuilder supervision)
    {
        supervision.MapPost("/tasks/milestones/proposal", Propose)
            .Validate<ProposeMilestonesRequest>()
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ProposeTaskMilestones")
            .WithSummary("倒排进度: milestones planned backwards from a deadline over working days (holidays and weekends skipped, make-up Saturdays count), evenly spaced");
        supervision.MapPost("/tasks", CreateAsync)
            .Validate<CreateTaskRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, SupervisionAccess.Office)
            .WithName("CreateSupervisionTask")
            .WithSummary("Put a task on the list from a decision, an upper-level requirement, a brand measure or a rectification item (the office)");
        supervision.MapGet("/tasks", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListSupervisionTasks")
            .WithSummary("Tasks, newest first: all for the office and leaders (filters status, ownerUnitId, source, brandId), one's own and one's units' for others");
        supervision.MapGet(Task, GetAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetSupervisionTask")
            .WithSummary("Read a task with its milestones, its status today (green, amber, red) and its closure");
        supervision.MapGet(Task + "/feedback", FeedbackAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListSupervisionTaskFeedback")
            .WithSummary("A task's feedback entries, newest first");
        supervision.MapStep<AdjustMilestonesRequest>("PUT", "/milestones", "AdjustSupervisionTaskMilestones",
            "The owner (or the office) adjusts the milestones: working days by the deadline, in order; reached ones stay", OwnerOrOffice,
            (task, r, s) =>
            {
                if (MilestonesProblem(r.Milestones!, task.Deadline, s.Calendar) is { } invalid)
                {
                    return invalid;
                }
                task.AdjustMilestones([.. r.Milestones!.Select(m => (m.Id, m.Title!, m.Due!.Value))], s.Now);
                return null;
            });
        supervision.MapStep<FeedbackRequest>("POST", "/feedback", "GiveSupervisionTaskFeedback",
            "The owner reports progress (text, progress note, milestones reached, attachments' metadata)", OwnerOnly,
            (task, r, s) =>
            {
                s.Db.TaskFeedback.Add(task.GiveFeedback(r.Text!, r.Progress, r.MilestonesReached ?? [], Attachments(r.Attachments), s.Caller.Signature, s.Now));
                return null;
            });
        supervision.MapStep<ClosureRequest>("POST", "/closure", "RequestSupervisionTaskClosure",
            "The owner puts the task forward for closure with evidence (text and attachments' metadata)", OwnerOnly,
            (task, r, s) =>
            {
                task.RequestClosure(r.Evidence!, Attachments(r.Attachments), s.Now);
                return null;
            });
        supervision.MapStep<AcceptClosureRequest>("POST", "/closure/accept", "AcceptSupervisionTaskClosure",
            "The office accepts the evidence, with its note: the task is closed (on time when closure was asked for by the deadline)", OfficeOnly,
            (task, r, s) =>
            {
                task.AcceptClosure(r.Note, s.Now);
                return null;
            });
        supervision.MapStep<ReturnClosureRequest>("POST", "/closure/return", "ReturnSupervisionTaskClosure",
            "The office returns the closure request with its reason: the task is in progress again", OfficeOnly,
            (task, r, s) =>
            {
                task.ReturnClosure(r.Reason!, s.Now);
                return null;
            });
        return supervision.MapTaskFigures();
    }

    internal static Results<Ok<MilestoneProposal>, ProblemHttpResult> Propose(
        ProposeMilestonesRequest request, WorkingCalendar calendar, TimeProvider timeProvider)
    {
        var start = request.Start ?? timeProvider.Today();
        var dues = SupervisionTask.ProposeMilestones(start, request.Deadline!.Value, request.Count ?? DefaultMilestones, calendar);
        if (dues.Count == 0)
        {
            return FieldProblems.Unprocessable("deadline", SupervisionTaskTexts.NoWorkingDays, SupervisionTaskTexts.Unprocessable_Detail);
        }
        return TypedResults.Ok(new MilestoneProposal(start, request.Deadline.Value, Titled(dues)));
    }

    internal static async Task<Results<Created<TaskResponse>, ProblemHttpResult>> CreateAsync(
        CreateTaskRequest request, HttpContext context, ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = ChinaCalendar.DateOf(now);
        var (title, ownerUnit, ownerPerson, deadline) = (request.Title, request.OwnerUnitId, request.OwnerPersonId, request.Deadline);
        Guid? brandId = null;
        if (request.Source == TaskSource.BrandMeasure)
        {
            var measure = await db.BrandMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MeasureId, cancellationToken);
            if (measure is null)
            {
                return Unprocessable("measureId", SupervisionTaskTexts.MeasureUnknown);
            }
            brandId = measure.BrandId;
            title = string.IsNullOrWhiteSpace(title) ? measure.Title : title;
            ownerUnit ??= measure.OwnerUnitId;
            ownerPerson ??= measure.OwnerPersonId;
            deadline ??= measure.Deadline;
        }
        if (ownerPerson is null)
        {
            return Unprocessable("ownerPersonId", SupervisionTaskTexts.OwnerPersonUnknown);
        }
        if (!await db.Units.AnyAsync(u => u.Id == ownerUnit && u.ValidTo == null, cancellationToken))
        {
            return Unprocessable("ownerUnitId", SupervisionTaskTexts.OwnerUnitUnknown);
        }
        if (!await db.UnitMembers.Current().AnyAsync(m => m.UnitId == ownerUnit && m.PersonId == ownerPerson, cancellationToken))
        {
            return Unprocessable("ownerPersonId", SupervisionTaskTexts.OwnerPersonUnknown);
        }
        if (deadline < today)
        {
            return Unprocessable("deadline", SupervisionTaskTexts.DeadlinePassed);
        }
        var milestones = request.Milestones is { } asked
            ? [.. asked.Select(m => (m.Title!, m.Due!.Value))]
            : Titled(SupervisionTask.ProposeMilestones(today, deadline!.Value, DefaultMilestones, calendar)).Select(m => (m.Title, m.Due)).ToList();
        if (request.Milestones is not null && MilestonesProblem(request.Milestones, deadline!.Value, calendar) is { } invalid)
        {
            return invalid;
        }
        var origin = new SupervisionTask.Origin(request.Source!.Value, request.Basis, brandId, request.MeasureId, request.MeetingKind, request.MeetingOn);
        var task = SupervisionTask.Create(title!, request.Description ?? "", origin, ownerUnit!.Value, ownerPerson.Value, deadline!.Value,
            request.FeedbackCadence!.Value, milestones, context.Caller().Signature, now);
        db.SupervisionTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = TaskResponse.ETagOf(task);
        return TypedResults.Created($"/api/supervision/tasks/{task.Id}", TaskResponse.From(task, today, calendar));
    }

    internal static async Task<Results<Ok<Page<TaskResponse>>, ValidationProblem>> ListAsync(
        string? status, Guid? ownerUnitId, string? source, Guid? brandId, string? cursor, int? limit, HttpContext context,
        ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        var closed = status == "closed";
        SupervisionStatus? signal = null;
        if (status is not null && !closed)
        {
            if (EnumCodes.TryFromCode<SupervisionStatus>(status, out var parsed))
            {
                signal = parsed;
            }
            else
            {
                problems["status"] = [SupervisionTaskTexts.StatusInvalid];
            }
        }
        TaskSource? from = null;
        if (source is not null)
        {
            if (EnumCodes.TryFromCode<TaskSource>(source, out var parsed))
            {
                from = parsed;
            }
            else
            {
                problems["source"] = [SupervisionTaskTexts.SourceInvalid];
            }
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var today = timeProvider.Today();
        var tasks = Visible(db.SupervisionTasks.AsNoTracking(), context.Caller());
        if (ownerUnitId is { } unit)
        {
            tasks = tasks.Where(t => t.OwnerUnitId == unit);
        }
        if (from is { } origin)
        {
            tasks = tasks.Where(t => t.Source == origin);
        }
        if (brandId is { } brand)
        {
            tasks = tasks.Where(t => t.BrandId == brand);
        }
        if (status is not null)
        {
            tasks = closed ? tasks.Where(t => t.State == SupervisionTaskState.Closed) : tasks.Where(t => t.State != SupervisionTaskState.Closed);
        }
        var page = signal is { } wanted
            ? await tasks.PageWhereAsync(paging, t => t.CreatedAt, t => t.Id, t => t.StatusOn(today, calendar) == wanted, context, cancellationToken, descending: true)
            : await tasks.PageAsync(paging, t => t.CreatedAt, t => t.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(t => TaskResponse.From(t, today, calendar)));
    }

    internal static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var task = await db.SupervisionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !context.Caller().MaySee(task))
        {
            return NotFound();
        }
        context.Response.Headers.ETag = TaskResponse.ETagOf(task);
        return TypedResults.Ok(TaskResponse.From(task, timeProvider.Today(), calendar));
    }

    internal static async Task<Results<Ok<Page<FeedbackResponse>>, ProblemHttpResult, ValidationProblem>> FeedbackAsync(
        Guid id, string? cursor, int? limit, HttpContext context, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var task = await db.SupervisionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !context.Caller().MaySee(task))
        {
            return NotFound();
        }
        var page = await db.TaskFeedback.AsNoTracking().Where(f => f.TaskId == id)
            .PageAsync(paging, f => f.GivenAt, f => f.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(FeedbackResponse.From));
    }

    /// <summary>Whether the caller sees the task: the office and leaders, its owner, and the people of its owner unit.</summary>
    internal static bool MaySee(this Caller caller, SupervisionTask task) =>
        caller.MayReadAll() || caller.UserId == task.OwnerPersonId || caller.UnitIds.Contains(task.OwnerUnitId) || caller.BranchId == task.OwnerUnitId;

    /// <summary>The tasks the caller sees, as <see cref="MaySee"/> says, in SQL.</summary>
    internal static IQueryable<SupervisionTask> Visible(IQueryable<SupervisionTask> tasks, Caller caller)
    {
        if (caller.MayReadAll())
        {
            return tasks;
        }
        var person = caller.UserId ?? Guid.Empty;
        var units = caller.BranchId is { } branch ? [.. caller.UnitIds, branch] : caller.UnitIds.ToList();
        return tasks.Where(t => t.OwnerPersonId == person || units.Contains(t.OwnerUnitId));
    }

    /// <summary>Who may take a step: the roles the endpoint admits, and which of them may take it on a task they see.</summary>
    private sealed record StepActors(string[] Roles, Func<Caller, SupervisionTask, bool> MayAct);

    private static readonly StepActors OwnerOnly = new(SupervisionAccess.Participants, (caller, task) => caller.UserId == task.OwnerPersonId);

    private static readonly StepActors OwnerOrOffice =
        new(SupervisionAccess.Participants, (caller, task) => caller.IsOffice() || caller.UserId == task.OwnerPersonId);

    private static readonly StepActors OfficeOnly = new(SupervisionAccess.Office, (caller, _) => caller.IsOffice());

    internal static List<ProposedMilestone> Titled(IReadOnlyList<DateOnly> dues) =>
        [.. dues.Select((due, i) => new ProposedMilestone(
            string.Format(CultureInfo.CurrentCulture, SupervisionTaskTexts.MilestoneTitle, i + 1, dues.Count), due))];

    private static ProblemHttpResult? MilestonesProblem(IReadOnlyList<MilestoneRequest> milestones, DateOnly deadline, WorkingCalendar calendar) =>
        SupervisionTask.MilestoneProblem([.. milestones.Select(m => m.Due!.Value)], deadline, calendar) is { } problem
            ? Unprocessable($"milestones[{problem.Index}].due", problem.Message)
            : null;

    private static List<AttachmentMeta> Attachments(IReadOnlyList<AttachmentRequest>? attachments) => [.. (attachments ?? []).Select(a => a.ToMeta())];

    private static ProblemHttpResult Unprocessable(string field, string message) =>
        FieldProblems.Unprocessable(field, message, SupervisionTaskTexts.Unprocessable_Detail);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: SupervisionTaskTexts.TaskNotFound_Title, detail: SupervisionTaskTexts.TaskNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>What a step needs besides the task and the request.</summary>
    private sealed record StepContext(ReportingDbContext Db, Caller Caller, WorkingCalendar Calendar, DateTimeOffset Now);

    /// <summary>
    /// One step on one task: load it (404 unless the caller sees it), check the caller may take the step (403 for one
    /// who sees it but may not), compare If-Match (412), let the task make the change (409 naming its state, 422),
    /// save with its events and answer with the new ETag.
    /// </summary>
    private static void MapStep<TRequest>(
        this RouteGroupBuilder supervision, string method, string step, string name, string summary, StepActors actors,
        Func<SupervisionTask, TRequest, StepContext, ProblemHttpResult?> apply) where TRequest : class
    {
        var endpoint = supervision.MapMethods(Task + step, [method], async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> (
            Guid id, TRequest request, HttpContext context, ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider,
            CancellationToken cancellationToken) =>
        {
            var caller = context.Caller();
            var task = await db.SupervisionTasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (task is null || !caller.MaySee(task))
            {
                return NotFound();
            }
            if (!actors.MayAct(caller, task))
            {
                return TypedResults.Problem(title: SupervisionTaskTexts.OwnerOnly_Title, detail: SupervisionTaskTexts.OwnerOnly_Detail,
                    statusCode: StatusCodes.Status403Forbidden);
            }
            if (context.StaleIfMatch(TaskResponse.ETagOf(task)) is { } stale)
            {
                return stale;
            }
            var now = timeProvider.GetUtcNow();
            if (apply(task, request, new StepContext(db, caller, calendar, now)) is { } invalid)
            {
                return invalid;
            }
            await db.SaveChangesAsync(cancellationToken);
            context.Response.Headers.ETag = TaskResponse.ETagOf(task);
            return TypedResults.Ok(TaskResponse.From(task, ChinaCalendar.DateOf(now), calendar));
        });
        endpoint.Validate<TRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, actors.Roles)
            .WithName(name)
            .WithSummary(summary);
    }
}
