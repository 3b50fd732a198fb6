using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>
/// 整改: the items a held democratic or organisational life meeting decided on, tracked to closure. The meeting's
/// keepers record and close them (the office the leadership team's); open items past due are compliance findings.
/// </summary>
public static class Rectifications
{
    public sealed record RectificationRequest(string? Description, string? OwnerName, DateOnly? DueOn);

    public sealed record CloseRequest(string? Note);

    public sealed record RectificationResponse(
        Guid Id, Guid ActivityId, ActivityKind ActivityKind, Guid UnitId, string Description, string OwnerName, DateOnly DueOn,
        bool Open, bool Overdue, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? CloseNote)
    {
        public static RectificationResponse From(Rectification item, DateOnly today) => new(item.Id, item.ActivityId, item.ActivityKind, item.UnitId,
            item.Description, item.OwnerName, item.DueOn, item.IsOpen, item.IsOverdue(today), item.CreatedAt, item.ClosedAt, item.CloseNote);
    }

    public sealed class RectificationValidator : AbstractValidator<RectificationRequest>
    {
        public RectificationValidator()
        {
            RuleFor(r => r.Description).NotEmpty().MaximumLength(Rectification.DescriptionMaxLength);
            RuleFor(r => r.OwnerName).NotEmpty().MaximumLength(Rectification.OwnerNameMaxLength);
            RuleFor(r => r.DueOn).NotNull()
                .Must(d => d!.Value.Year is >= ComplianceScope.FirstYear and <= ComplianceScope.LastYear)
                .WithMessage(_ => YearQuery.RangeMessage);
        }
    }

    public sealed class CloseValidator : AbstractValidator<CloseRequest>
    {
        public CloseValidator() => RuleFor(r => r.Note).NotEmpty().MaximumLength(Rectification.NoteMaxLength);
    }

    public static RouteGroupBuilder MapRectifications(this RouteGroupBuilder study)
    {
        study.MapPost("/activities/{id:guid}/rectifications", RecordAsync)
            .Validate<RectificationRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Organisers)
            .WithName("RecordRectification").WithSummary("Records a rectification item (整改) of a held democratic or organisational life meeting");
        study.MapPost("/activities/{id:guid}/rectifications/{itemId:guid}/close", CloseAsync)
            .Validate<CloseRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Organisers)
            .WithName("CloseRectification").WithSummary("Closes (销号) a rectification item with a note on what was done");
        study.MapGet("/rectifications", ListAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .WithName("ListRectifications").WithSummary("Rectification items by due date: a branch's keepers their branch's, the office all");
        return study;
    }

    internal static async Task<Results<Created<RectificationResponse>, ProblemHttpResult>> RecordAsync(
        Guid id, RectificationRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var meeting = await db.Activities.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (meeting is null)
        {
            return ActivityNotFound();
        }
        if (!caller.Keeps(meeting))
        {
            return NotKeeper();
        }
        var now = timeProvider.GetUtcNow();
        var item = Rectification.For(meeting, request.Description!, request.OwnerName!, request.DueOn!.Value, caller.Signature, now);
        db.Rectifications.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/study/rectifications?unitId={item.UnitId}", RectificationResponse.From(item, ChinaCalendar.DateOf(now)));
    }

    internal static async Task<Results<Ok<RectificationResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, Guid itemId, CloseRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var meeting = await db.Activities.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (meeting is null)
        {
            return ActivityNotFound();
        }
        if (!caller.Keeps(meeting))
        {
            return NotKeeper();
        }
        var item = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == itemId && r.ActivityId == id, cancellationToken);
        if (item is null)
        {
            return TypedResults.Problem(title: StudyTexts.RectificationNotFound_Title, detail: StudyTexts.RectificationNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        var now = timeProvider.GetUtcNow();
        item.Close(request.Note!, caller.Signature, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RectificationResponse.From(item, ChinaCalendar.DateOf(now)));
    }

    internal static async Task<Results<Ok<Page<RectificationResponse>>, ValidationProblem>> ListAsync(
        bool? open, Guid? unitId, string? cursor, int? limit, HttpContext context, StudyDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var caller = context.Caller();
        var items = db.Rectifications.AsNoTracking();
        if (!caller.IsOffice())
        {
            // A keeper's own branch only, in the query so that pages stay full; a keeper without a branch sees none
            // (not the leadership team's items, whose BranchId is null too).
            var own = caller.BranchId ?? Guid.Empty;
            items = items.Where(r => r.BranchId == own);
        }
        if (unitId is { } unit)
        {
            items = items.Where(r => r.UnitId == unit);
        }
        if (open is { } isOpen)
        {
            items = isOpen ? items.Where(r => r.ClosedAt == null) : items.Where(r => r.ClosedAt != null);
        }
        var today = timeProvider.Today();
        var page = await items.PageAsync(paging, r => r.DueOn, r => r.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(r => RectificationResponse.From(r, today)));
    }

    private static ProblemHttpResult ActivityNotFound() => TypedResults.Problem(title: StudyTexts.ActivityNotFound_Title,
        detail: StudyTexts.ActivityNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NotKeeper() => TypedResults.Problem(title: StudyTexts.NotKeeper_Title, detail: StudyTexts.NotKeeper_Detail,
        statusCode: StatusCodes.Status403Forbidden);
}
