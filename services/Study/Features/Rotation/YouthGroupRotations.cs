using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Rotation;

/// <summary>
/// 青年理论学习小组 每2个月轮值: the office schedules the youth study group's hosts from its current roster; the group's
/// members and the office read who hosts when. The roster projection keeps the schedule fair as members come and go.
/// </summary>
public static class YouthGroupRotations
{
    /// <summary>A plan starts at most this far ahead: further out, nobody knows who will still be in the group.</summary>
    public const int MaxYearsAhead = 2;

    /// <param name="From">A day of the first term to plan (default: today, so the current term).</param>
    /// <param name="Terms">How many terms to plan (default 6: a year).</param>
    public sealed record ScheduleRequest(DateOnly? From, int? Terms);

    public sealed record TermResponse(DateOnly From, DateOnly To, Guid? PersonId, string? DisplayName, bool Started);

    public sealed record RotationResponse(Guid GroupId, string GroupName, IReadOnlyList<TermResponse> Terms);

    public sealed class ScheduleValidator : AbstractValidator<ScheduleRequest>
    {
        public ScheduleValidator(TimeProvider timeProvider)
        {
            RuleFor(r => r.Terms).InclusiveBetween(1, YouthGroupRotation.MaxTerms)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, RotationTexts.TermsOutOfRange, YouthGroupRotation.MaxTerms));
            RuleFor(r => r.From).Must(from => from is not { } day || (day >= HostTerm.Containing(timeProvider.Today()).From && day <= Latest(timeProvider)))
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, RotationTexts.FromOutOfRange, Latest(timeProvider).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        private static DateOnly Latest(TimeProvider timeProvider) => timeProvider.Today().AddYears(MaxYearsAhead);
    }

    public static RouteGroupBuilder MapYouthGroupRotations(this RouteGroupBuilder study)
    {
        study.MapPost("/youth-groups/{id:guid}/rotation", ScheduleAsync)
            .Validate<ScheduleRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Office)
            .WithName("ScheduleYouthGroupRotation")
            .WithSummary("Schedule the youth study group's hosts for two-month terms from its current members, fairly (terms already begun stay)");
        study.MapGet("/youth-groups/{id:guid}/rotation", GetAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("GetYouthGroupRotation")
            .WithSummary("Who hosts the youth study group in each term; for the office and the group's members");
        return study;
    }

    internal static async Task<Results<Ok<RotationResponse>, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleRequest request, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await GroupNameAsync(db, id, cancellationToken) is not { } name)
        {
            return NotFound();
        }
        var now = timeProvider.GetUtcNow();
        var today = timeProvider.Today();
        var rotation = await db.YouthGroupRotations.SingleOrDefaultAsync(r => r.GroupId == id, cancellationToken);
        if (rotation is null)
        {
            rotation = YouthGroupRotation.For(id, now);
            db.YouthGroupRotations.Add(rotation);
        }
        rotation.Schedule(request.From ?? today, request.Terms ?? YouthGroupRotation.DefaultTerms,
            await db.RotationCandidatesAsync(id, cancellationToken), today, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response(id, name, rotation, today));
    }

    internal static async Task<Results<Ok<RotationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await GroupNameAsync(db, id, cancellationToken) is not { } name)
        {
            return NotFound();
        }
        var caller = context.Caller();
        if (!caller.IsOffice() && !caller.UnitIds.Contains(id))
        {
            return TypedResults.Problem(title: RotationTexts.OwnGroupOnly_Title,
                detail: string.Format(CultureInfo.CurrentCulture, RotationTexts.OwnGroupOnly_Detail, name), statusCode: StatusCodes.Status403Forbidden);
        }
        var rotation = await db.YouthGroupRotations.AsNoTracking().SingleOrDefaultAsync(r => r.GroupId == id, cancellationToken);
        // Not scheduled yet: no terms, rather than a 404 that would read as "no such group".
        return TypedResults.Ok(Response(id, name, rotation, timeProvider.Today()));
    }

    private static Task<string?> GroupNameAsync(StudyDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().Where(u => u.Id == id && u.Kind == UnitKinds.YouthStudyGroup).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: RotationTexts.YouthGroupNotFound_Title, detail: RotationTexts.YouthGroupNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    private static RotationResponse Response(Guid id, string name, YouthGroupRotation? rotation, DateOnly today) =>
        new(id, name, [.. (rotation?.Terms ?? []).Select(t => new TermResponse(t.From, t.To, t.PersonId, t.DisplayName, t.HasStarted(today)))]);
}
