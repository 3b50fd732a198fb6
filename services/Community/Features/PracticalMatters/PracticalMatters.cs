using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.PracticalMatters;

/// <summary>
/// /api/community/practical-matters: 我为群众办实事, the list the organ commits to each year. The office commits each
/// matter with its owner department and milestones; reporting supervises it as a task with the same id, and the matter
/// follows the task to completion. Everyone in the organ reads the list.
/// </summary>
public static class PracticalMatters
{
    public sealed record CommitRequest(
        int? Year, string? Title, string? Description, Guid? OwnerUnitId, Guid? OwnerPersonId, DateOnly? Deadline, string? Beneficiaries,
        FeedbackCadence? FeedbackCadence, IReadOnlyList<DateOnly>? MilestoneDues);

    public sealed record Response(
        Guid Id, int Year, string Title, string Description, Guid OwnerUnitId, string OwnerUnitName, Guid OwnerPersonId, string OwnerPersonName,
        DateOnly Deadline, string Beneficiaries, FeedbackCadence FeedbackCadence, IReadOnlyList<DateOnly> MilestoneDues, PracticalMatterState State,
        string? TaskState, DateOnly? CompletedOn, DateTimeOffset CommittedAt, int Version)
    {
        public static Response From(PracticalMatter m) => new(m.Id, m.Year, m.Title, m.Description, m.OwnerUnitId, m.OwnerUnitName, m.OwnerPersonId,
            m.OwnerPersonName, m.Deadline, m.Beneficiaries, m.FeedbackCadence, m.MilestoneDues, m.State, m.TaskState, m.CompletedOn, m.CommittedAt, m.Version);
    }

    public sealed class CommitValidator : AbstractValidator<CommitRequest>
    {
        public CommitValidator()
        {
            RuleFor(r => r.Year).NotNull().InclusiveBetween(Periods.FirstYear, Periods.LastYear);
            RuleFor(r => r.Title).NotEmpty().MaximumLength(PracticalMatter.TitleMaxLength);
            RuleFor(r => r.Description).NotEmpty().MaximumLength(PracticalMatter.DescriptionMaxLength);
            RuleFor(r => r.OwnerUnitId).NotEmpty();
            RuleFor(r => r.OwnerPersonId).NotEmpty();
            RuleFor(r => r.Deadline).NotNull().Must((r, d) => r.Year is null || d!.Value.Year == r.Year).WithMessage(_ => CommunityTexts.DeadlineInYear);
            RuleFor(r => r.Beneficiaries).NotEmpty().MaximumLength(PracticalMatter.BeneficiariesMaxLength);
            RuleFor(r => r.FeedbackCadence).NotNull().IsInEnum();
            RuleFor(r => r.MilestoneDues).NotNull().Must(m => m!.Count is >= 1 and <= PracticalMatter.MaxMilestones)
                .WithMessage(_ => string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.MilestonesBetween, PracticalMatter.MaxMilestones))
                .Must(m => m!.Zip(m!.Skip(1)).All(pair => pair.First < pair.Second)).WithMessage(_ => CommunityTexts.MilestonesAscending)
                .Must((r, m) => r.Deadline is null || m!.All(d => d <= r.Deadline)).WithMessage(_ => CommunityTexts.MilestonesByDeadline);
        }
    }

    public static RouteGroupBuilder MapPracticalMatters(this RouteGroupBuilder community)
    {
        community.MapPost("/practical-matters", CommitAsync)
            .Validate<CommitRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Office)
            .WithName("CommitPracticalMatter")
            .WithSummary("The office commits a practical matter for citizens with its owner (a current member of the owning unit: 422), deadline (not past: 422) and milestones; reporting supervises it as a task with the same id; announced as PracticalMatterCommitted");
        community.MapGet("/practical-matters", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListPracticalMatters")
            .WithSummary("The year's practical matters by deadline; ?year=, ?state=; follow 'next'");
        community.MapGet("/practical-matters/{id:guid}", GetAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetPracticalMatter")
            .WithSummary("One practical matter with its supervision task's state and its completion");
        return community;
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> CommitAsync(
        CommitRequest request, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = ChinaCalendar.DateOf(now);
        if (request.Deadline!.Value < today)
        {
            return FieldProblems.Unprocessable("deadline", CommunityTexts.DeadlinePast_Title, CommunityTexts.DeadlinePast_Detail);
        }
        if (request.MilestoneDues!.Any(d => d < today))
        {
            return FieldProblems.Unprocessable("milestoneDues", CommunityTexts.DeadlinePast_Title, CommunityTexts.MilestonePast_Detail);
        }
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.OwnerUnitId && u.ValidTo == null, cancellationToken);
        if (unit is null)
        {
            return FieldProblems.Unprocessable("ownerUnitId", CommunityTexts.UnitUnknown_Title, CommunityTexts.UnitUnknown_Detail);
        }
        var owner = await db.UnitMembers.AsNoTracking().Current().Where(m => m.UnitId == unit.Id && m.PersonId == request.OwnerPersonId)
            .Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return FieldProblems.Unprocessable("ownerPersonId", CommunityTexts.OwnerNotOfUnit_Title, CommunityTexts.OwnerNotOfUnit_Detail);
        }
        var matter = PracticalMatter.Commit(request.Year!.Value, request.Title!, request.Description!, (unit.Id, unit.Name), (request.OwnerPersonId!.Value, owner),
            request.Deadline.Value, request.Beneficiaries!, request.FeedbackCadence!.Value, request.MilestoneDues!, now);
        db.PracticalMatters.Add(matter);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/community/practical-matters/{matter.Id}", Response.From(matter));
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        int? year, QueryCode<PracticalMatterState>? state, string? cursor, int? limit, HttpContext context, CommunityDbContext db,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var matters = db.PracticalMatters.AsNoTracking();
        if (year is { } y)
        {
            matters = matters.Where(m => m.Year == y);
        }
        if (state is { Value: var wanted })
        {
            matters = matters.Where(m => m.State == wanted);
        }
        var page = await matters.PageAsync(paging, m => m.Deadline, m => m.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(Response.From));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(Guid id, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var matter = await db.PracticalMatters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return matter is null ? NotFound() : TypedResults.Ok(Response.From(matter));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.MatterNotFound_Title, detail: CommunityTexts.MatterNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
