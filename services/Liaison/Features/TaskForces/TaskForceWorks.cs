using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Features.Engagement;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.TaskForces;

/// <summary>
/// /api/liaison/task-force-work: the task forces' work (招商服务 leads, 征迁服务 relocation cases, 项目服务 key projects).
/// Every cadre and task-force handler reads it (the 五比五晒 board is open to all); the office and the members of the
/// owning task force record it and its steps; a key project's blockers become tickets (channel project) filed on the
/// project enterprise's behalf, and the project follows them.
/// </summary>
public static class TaskForceWorks
{
    public sealed record WorkRequest(
        TaskForceWorkKind? Kind, Guid? TaskForceId, string? Name, string? EnterpriseName, string? EnterpriseCreditCode, string? Sector,
        decimal? Amount, int? Households, WorkStage? Stage, DateOnly? On, string? Note);

    public sealed record ProgressRequest(WorkStage? Stage, DateOnly? On, int? AgreementsSigned, string? Note);

    public sealed record StepResponse(
        WorkStage? FromStage, WorkStage Stage, DateOnly On, int? AgreementsSigned, string? Note, string RecordedByName, DateTimeOffset RecordedAt);

    public sealed record BlockerResponse(
        Guid Id, string Title, TicketCategory Category, string Description, string RaisedByName, DateTimeOffset RaisedAt, Guid? TicketId,
        string? TicketNumber, string? TicketState, DateTimeOffset? SolvedAt);

    public sealed record Response(
        Guid Id, TaskForceWorkKind Kind, Guid TaskForceId, string TaskForceName, string Name, string? EnterpriseName, string? EnterpriseCreditCode,
        string? Sector, decimal? AmountInTenThousandYuan, int? Households, int? AgreementsSigned, WorkStage Stage, DateOnly StageReachedOn,
        IReadOnlyList<WorkStage> Stages, IReadOnlyList<StepResponse> Steps, IReadOnlyList<BlockerResponse> Blockers, DateTimeOffset RegisteredAt);

    public sealed class WorkValidator : AbstractValidator<WorkRequest>
    {
        public WorkValidator()
        {
            RuleFor(r => r.Kind).NotNull().IsInEnum();
            RuleFor(r => r.TaskForceId).NotEmpty();
            RuleFor(r => r.Name).NotEmpty().MaximumLength(TaskForceWork.NameMaxLength);
            RuleFor(r => r.EnterpriseName).MaximumLength(UnitedFrontContact.EnterpriseNameMaxLength);
            RuleFor(r => r.EnterpriseCreditCode).CreditCode().When(r => !string.IsNullOrWhiteSpace(r.EnterpriseCreditCode));
            RuleFor(r => r.EnterpriseName).NotEmpty().WithMessage(_ => LiaisonTexts.EnterpriseForProject).When(r => r.Kind == TaskForceWorkKind.KeyProject);
            RuleFor(r => r.EnterpriseCreditCode).NotEmpty().WithMessage(_ => LiaisonTexts.EnterpriseForProject).When(r => r.Kind == TaskForceWorkKind.KeyProject);
            RuleFor(r => r.EnterpriseName).NotEmpty().WithMessage(_ => LiaisonTexts.CreditCodeWithoutEnterprise)
                .When(r => !string.IsNullOrWhiteSpace(r.EnterpriseCreditCode));
            RuleFor(r => r.Sector).MaximumLength(TaskForceWork.SectorMaxLength);
            RuleFor(r => r.Sector).Empty().WithMessage(_ => LiaisonTexts.SectorOfLead).When(r => r.Kind != TaskForceWorkKind.InvestmentLead);
            RuleFor(r => r.Amount).Amount();
            RuleFor(r => r.Amount).Null().WithMessage(_ => LiaisonTexts.AmountOfInvestment).When(r => r.Kind == TaskForceWorkKind.RelocationCase);
            RuleFor(r => r.Households).NotNull().InclusiveBetween(1, TaskForceWork.MaxHouseholds).When(r => r.Kind == TaskForceWorkKind.RelocationCase);
            RuleFor(r => r.Households).Null().WithMessage(_ => LiaisonTexts.HouseholdsOfRelocation).When(r => r.Kind != TaskForceWorkKind.RelocationCase);
            RuleFor(r => r.Stage).NotNull().IsInEnum();
            RuleFor(r => r.On).NotNull();
            RuleFor(r => r.Note).MaximumLength(TaskForceWork.NoteMaxLength);
        }
    }

    public sealed class ProgressValidator : AbstractValidator<ProgressRequest>
    {
        public ProgressValidator()
        {
            RuleFor(r => r.Stage).NotNull().IsInEnum();
            RuleFor(r => r.On).NotNull();
            RuleFor(r => r.AgreementsSigned).InclusiveBetween(0, TaskForceWork.MaxHouseholds);
            RuleFor(r => r.Note).MaximumLength(TaskForceWork.NoteMaxLength);
        }
    }

    public static RouteGroupBuilder MapTaskForceWork(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/task-force-work", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.TaskForceWorkers)
            .WithName("ListTaskForceWork")
            .WithSummary("The task forces' key projects, investment leads and relocation cases, latest first; ?kind=, ?taskForceId=, ?stage=; follow 'next'");
        liaison.MapGet("/task-force-work/{id:guid}", GetAsync)
            .RequirePersonAccess(read, LiaisonAccess.TaskForceWorkers)
            .WithName("GetTaskForceWork")
            .WithSummary("One piece of work with its steps and, for a key project, its blockers and their tickets");
        liaison.MapPost("/task-force-work", RegisterAsync)
            .Validate<WorkRequest>()
            .RequirePersonAccess(write, LiaisonAccess.TaskForceWorkers)
            .WithName("RegisterTaskForceWork")
            .WithSummary("The office or a member of the task force records a key project (enterprise and credit code required), an investment lead or a relocation case (households required) at its first stage; announced as TaskForceWorkRegistered");
        liaison.MapPost("/task-force-work/{id:guid}/progress", ProgressAsync)
            .Validate<ProgressRequest>()
            .RequirePersonAccess(write, LiaisonAccess.TaskForceWorkers)
            .WithName("ProgressTaskForceWork")
            .WithSummary("The office or a member of the owning task force (403 for others) records a later stage reached on a day (not in a frozen month), or more agreements signed on a relocation case; announced as TaskForceWorkProgressed");
        liaison.MapPost("/task-force-work/{id:guid}/blockers", RaiseBlockerAsync)
            .Validate<EngagementOutcomes.ProblemRequest>()
            .RequirePersonAccess(write, LiaisonAccess.TaskForceWorkers)
            .WithName("RaiseKeyProjectBlocker")
            .WithSummary("The office or a member of the owning task force raises a key project's blocker (堵点); the tickets service files it as a ticket on the project enterprise's behalf (channel project); announced as ProblemRaised");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        QueryCode<TaskForceWorkKind>? kind, Guid? taskForceId, QueryCode<WorkStage>? stage, string? cursor, int? limit, HttpContext context,
        LiaisonDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var works = db.TaskForceWorks.AsNoTracking();
        if (kind is { Value: var wantedKind })
        {
            works = works.Where(w => w.Kind == wantedKind);
        }
        if (taskForceId is { } unit)
        {
            works = works.Where(w => w.TaskForceId == unit);
        }
        if (stage is { Value: var wantedStage })
        {
            works = works.Where(w => w.Stage == wantedStage);
        }
        var page = await works.Include(w => w.Steps).PageAsync(paging, w => w.RegisteredAt, w => w.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(Guid id, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var work = await db.TaskForceWorks.AsNoTracking().Include(w => w.Steps).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        return work is null ? NotFound() : TypedResults.Ok((await ResponsesAsync(db, [work], cancellationToken))[0]);
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RegisterAsync(
        WorkRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var taskForce = await db.Units.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Id == request.TaskForceId && u.Kind == UnitKinds.TaskForce && u.ValidTo == null, cancellationToken);
        if (taskForce is null)
        {
            return FieldProblems.Unprocessable("taskForceId", LiaisonTexts.TaskForceNotFound_Title, LiaisonTexts.TaskForceNotFound_Detail);
        }
        if (await ForbiddenAsync(context.Caller(), db, taskForce.Id, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        var now = timeProvider.GetUtcNow();
        var creditCode = string.IsNullOrWhiteSpace(request.EnterpriseCreditCode) ? null : UnifiedSocialCreditCode.Normalize(request.EnterpriseCreditCode);
        var work = TaskForceWork.Register(
            new TaskForceWork.Details(request.Kind!.Value, taskForce.Id, request.Name!, request.EnterpriseName, creditCode, request.Sector, request.Amount, request.Households),
            request.Stage!.Value, request.On!.Value, request.Note, Recorder(context.Caller()), await TaskForceBoards.OpenFromAsync(db, cancellationToken), now);
        db.TaskForceWorks.Add(work);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/liaison/task-force-work/{work.Id}", (await ResponsesAsync(db, [work], cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ProgressAsync(
        Guid id, ProgressRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var work = await db.TaskForceWorks.Include(w => w.Steps).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (work is null)
        {
            return NotFound();
        }
        if (await ForbiddenAsync(context.Caller(), db, work.TaskForceId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        work.Progress(request.Stage!.Value, request.On!.Value, request.AgreementsSigned, request.Note, Recorder(context.Caller()),
            await TaskForceBoards.OpenFromAsync(db, cancellationToken), timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await ResponsesAsync(db, [work], cancellationToken))[0]);
    }

    internal static async Task<Results<Created<BlockerResponse>, ProblemHttpResult>> RaiseBlockerAsync(
        Guid id, EngagementOutcomes.ProblemRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var work = await db.TaskForceWorks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (work is null)
        {
            return NotFound();
        }
        if (await ForbiddenAsync(context.Caller(), db, work.TaskForceId, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        var blocker = RaisedProblem.OnKeyProject(
            work, request.Title!, request.Category!.Value, request.Description!, Recorder(context.Caller()), timeProvider.GetUtcNow());
        db.Problems.Add(blocker);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/liaison/task-force-work/{work.Id}", BlockerOf(blocker));
    }

    /// <summary>The office records any task force's work; anyone else only that of a task force they belong to now.</summary>
    private static async Task<ProblemHttpResult?> ForbiddenAsync(Caller caller, LiaisonDbContext db, Guid taskForceId, CancellationToken cancellationToken)
    {
        if (caller.IsOffice())
        {
            return null;
        }
        var me = caller.UserId ?? Guid.Empty;
        return await db.UnitMembers.AsNoTracking().Current().AnyAsync(m => m.PersonId == me && m.UnitId == taskForceId, cancellationToken)
            ? null
            : TypedResults.Problem(title: LiaisonTexts.NotOfTaskForce_Title, detail: LiaisonTexts.NotOfTaskForce_Detail, statusCode: StatusCodes.Status403Forbidden);
    }

    private static Visitor Recorder(Caller caller) => new(caller.UserId!.Value, caller.DisplayName);

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(LiaisonDbContext db, IReadOnlyList<TaskForceWork> works, CancellationToken cancellationToken)
    {
        var ids = works.Select(w => w.Id).ToList();
        var unitIds = works.Select(w => w.TaskForceId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var blockers = await db.Problems.AsNoTracking().Where(p => p.Origin == ProblemOrigin.KeyProject && ids.Contains(p.OriginId))
            .OrderBy(p => p.RaisedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. works.Select(w => new Response(
            w.Id, w.Kind, w.TaskForceId, names.GetValueOrDefault(w.TaskForceId, ""), w.Name, w.EnterpriseName, w.EnterpriseCreditCode, w.Sector,
            w.AmountInTenThousandYuan, w.Households, w.AgreementsSigned, w.Stage, w.StageReachedOn, TaskForceWork.StagesOf(w.Kind),
            [.. w.Steps.OrderBy(s => s.RecordedAt).Select(s => new StepResponse(s.FromStage, s.Stage, s.On, s.AgreementsSigned, s.Note, s.RecordedByName, s.RecordedAt))],
            [.. blockers.Where(b => b.OriginId == w.Id).Select(BlockerOf)], w.RegisteredAt))];
    }

    private static BlockerResponse BlockerOf(RaisedProblem p) => new(
        p.Id, p.Title, p.Category, p.Description, p.RaisedByName, p.RaisedAt, p.TicketId, p.TicketNumber, p.TicketState, p.SolvedAt);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.WorkNotFound_Title, detail: LiaisonTexts.WorkNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
