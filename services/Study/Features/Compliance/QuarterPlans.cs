using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>
/// 季度计划: a branch's keepers (or the office) file the quarter's 三会一课 plan, once per branch and quarter; a
/// correction is a PUT that keeps when it was first filed, so a late plan stays late.
/// </summary>
public static class QuarterPlans
{
    public sealed record PlanItemRequest(ActivityKind? Kind, int? Month, string? Topic);

    public sealed record FilePlanRequest(int? Year, int? Quarter, IReadOnlyList<PlanItemRequest>? Items);

    public sealed record CorrectPlanRequest(IReadOnlyList<PlanItemRequest>? Items);

    public sealed record PlanResponse(
        Guid Id, Guid BranchId, int Year, int Quarter, IReadOnlyList<PlanItem> Items, DateTimeOffset FiledAt, string FiledBy, DateOnly DueOn,
        PlanStatus Status, int Version)
    {
        public static PlanResponse From(QuarterPlan plan) => new(plan.Id, plan.BranchId, plan.Year, plan.Quarter, plan.Items, plan.FiledAt,
            plan.FiledBy, plan.DueOn, plan.FiledLate ? PlanStatus.Late : PlanStatus.OnTime, plan.Version);
    }

    public static string ETagOf(QuarterPlan plan) => $"\"{plan.Version}\"";

    public sealed class PlanItemValidator : AbstractValidator<PlanItemRequest>
    {
        public PlanItemValidator()
        {
            RuleFor(i => i.Kind).NotNull().IsInEnum();
            RuleFor(i => i.Month).NotNull().InclusiveBetween(1, 12);
            RuleFor(i => i.Topic).NotEmpty().MaximumLength(PlanItem.TopicMaxLength);
        }
    }

    public sealed class FilePlanValidator : AbstractValidator<FilePlanRequest>
    {
        public FilePlanValidator()
        {
            RuleFor(r => r.Year).NotNull().InclusiveBetween(ComplianceScope.FirstYear, ComplianceScope.LastYear);
            RuleFor(r => r.Quarter).NotNull().InclusiveBetween(1, 4);
            RuleFor(r => r.Items).NotNull().Must(i => i!.Count <= QuarterPlan.MaxItems)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanItemsAtMost, QuarterPlan.MaxItems));
            RuleForEach(r => r.Items).EachValid(new PlanItemValidator());
        }
    }

    public sealed class CorrectPlanValidator : AbstractValidator<CorrectPlanRequest>
    {
        public CorrectPlanValidator()
        {
            RuleFor(r => r.Items).NotNull().Must(i => i!.Count <= QuarterPlan.MaxItems)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanItemsAtMost, QuarterPlan.MaxItems));
            RuleForEach(r => r.Items).EachValid(new PlanItemValidator());
        }
    }

    public static RouteGroupBuilder MapQuarterPlans(this RouteGroupBuilder study)
    {
        study.MapPost("/branches/{id:guid}/plans", FileAsync)
            .Validate<FilePlanRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Organisers)
            .WithName("FileQuarterPlan").WithSummary("A branch files its 三会一课 plan for a quarter (by the 5th of its first month; later is recorded as late)");
        study.MapPut("/branches/{id:guid}/plans/{year:int}/{quarter:int}", CorrectAsync)
            .Validate<CorrectPlanRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Organisers)
            .WithName("CorrectQuarterPlan").WithSummary("Corrects a filed quarter plan's items; when it was filed does not change");
        study.MapGet("/branches/{id:guid}/plans", ListAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .WithName("ListQuarterPlans").WithSummary("A branch's quarter plans of a year (this year by default)");
        return study;
    }

    private static IReadOnlyList<PlanItem> Items(IReadOnlyList<PlanItemRequest> items) =>
        [.. items.Select(i => new PlanItem(i.Kind!.Value, i.Month!.Value, i.Topic!))];

    internal static async Task<Results<Created<PlanResponse>, ProblemHttpResult>> FileAsync(
        Guid id, FilePlanRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, IOptions<StudyRulesOptions> rules,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var (branch, refusal) = await ComplianceScope.BranchAsync(db, caller, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (year, quarter) = (request.Year!.Value, request.Quarter!.Value);
        if (await db.QuarterPlans.AsNoTracking().SingleOrDefaultAsync(p => p.BranchId == id && p.Year == year && p.Quarter == quarter, cancellationToken) is { } filed)
        {
            return TypedResults.Problem(title: StudyTexts.PlanAlreadyFiled_Title, statusCode: StatusCodes.Status409Conflict,
                detail: string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanAlreadyFiled_Detail, branch, year, quarter,
                    ChinaCalendar.DateOf(filed.FiledAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var plan = QuarterPlan.File(id, year, quarter, Items(request.Items!), rules.Value.PlanDueDay, caller.Signature, timeProvider.GetUtcNow());
        db.QuarterPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(plan);
        return TypedResults.Created($"/api/study/branches/{id}/plans?year={year}", PlanResponse.From(plan));
    }

    internal static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> CorrectAsync(
        Guid id, int year, int quarter, CorrectPlanRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var (branch, refusal) = await ComplianceScope.BranchAsync(db, context.Caller(), id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var plan = await db.QuarterPlans.SingleOrDefaultAsync(p => p.BranchId == id && p.Year == year && p.Quarter == quarter, cancellationToken);
        if (plan is null)
        {
            return TypedResults.Problem(title: StudyTexts.PlanNotFound_Title, statusCode: StatusCodes.Status404NotFound,
                detail: string.Format(CultureInfo.CurrentCulture, StudyTexts.PlanNotFound_Detail, branch, year, quarter));
        }
        if (context.StaleIfMatch(ETagOf(plan)) is { } stale)
        {
            return stale;
        }
        plan.Correct(Items(request.Items!), timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(plan);
        return TypedResults.Ok(PlanResponse.From(plan));
    }

    internal static async Task<Results<Ok<Page<PlanResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, int? year, string? cursor, int? limit, HttpContext context, StudyDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<int, Guid>(cursor, limit, problems);
        ComplianceScope.CheckYear(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var (_, refusal) = await ComplianceScope.BranchAsync(db, context.Caller(), id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var of = year ?? timeProvider.Today().Year;
        var page = await db.QuarterPlans.AsNoTracking().Where(p => p.BranchId == id && p.Year == of)
            .PageAsync(paging, p => p.Quarter, p => p.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(PlanResponse.From));
    }
}
