using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features.Materials;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Notes;

/// <summary>
/// Self-study notes (自学笔记), kept for the member and their branch's secretary and party-affairs officer: not the
/// office, not other members. Nothing here counts, times or ranks anyone (national no-formalism rules, 2026).
/// </summary>
public static class StudyNotes
{
    /// <param name="MaterialId">A material of the library; or leave it out and name the material by <paramref name="MaterialTitle"/>.</param>
    public sealed record NoteRequest(Guid? MaterialId, string? MaterialTitle, DateOnly? StudiedOn, string? Reflections);

    public sealed class NoteValidator : AbstractValidator<NoteRequest>
    {
        public NoteValidator()
        {
            RuleFor(r => r.MaterialTitle).NotEmpty().When(r => r.MaterialId is null).WithMessage(_ => MaterialsTexts.MaterialOrTitle)
                .MaximumLength(MaterialReference.TitleMaxLength);
            RuleFor(r => r.MaterialId).NotEqual(Guid.Empty);
            RuleFor(r => r.StudiedOn).NotNull();
            RuleFor(r => r.Reflections).NotEmpty().MaximumLength(StudyNote.ReflectionsMaxLength);
        }
    }

    public sealed record NoteResponse(
        Guid Id, Guid PersonId, string DisplayName, Guid? MaterialId, string MaterialTitle, DateOnly StudiedOn, string Reflections, DateTimeOffset RecordedAt)
    {
        public static NoteResponse From(StudyNote n) => new(n.Id, n.PersonId, n.DisplayName, n.MaterialId, n.MaterialTitle, n.StudiedOn, n.Reflections, n.RecordedAt);
    }

    public static RouteGroupBuilder MapStudyNotes(this RouteGroupBuilder study)
    {
        study.MapPost("/notes", RecordAsync)
            .Validate<NoteRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], PlatformRoles.Member)
            .WithName("RecordStudyNote")
            .WithSummary("A member records their own self-study (material, China date not in the future, reflections)");
        study.MapGet("/notes/mine", MineAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], PlatformRoles.Member)
            .WithName("ListMyStudyNotes")
            .WithSummary("The caller's own self-study notes, latest study date first; follow 'next'");
        study.MapGet("/branches/{id:guid}/notes", BranchNotesAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], PlatformRoles.BranchKeepers)
            .WithName("ListBranchStudyNotes")
            .WithSummary("The notes of the branch's members (a member on the study date), ?from=&to= China dates; the branch's own keepers only, not the office");
        return study;
    }

    internal static async Task<Results<Created<NoteResponse>, ProblemHttpResult>> RecordAsync(
        NoteRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var title = request.MaterialTitle ?? "";
        if (request.MaterialId is { } materialId)
        {
            var material = await db.Materials.AsNoTracking().Where(m => m.Id == materialId).Select(m => m.Title).SingleOrDefaultAsync(cancellationToken);
            if (material is null)
            {
                return FieldProblems.Unprocessable("materialId", MaterialsTexts.UnknownMaterial, MaterialsTexts.UnknownMaterial_Detail);
            }
            title = material;
        }
        var caller = context.Caller();
        var note = StudyNote.Record(caller.UserId!.Value, caller.DisplayName, request.MaterialId, title, request.StudiedOn!.Value,
            request.Reflections!, timeProvider.GetUtcNow());
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/study/notes/{note.Id}", NoteResponse.From(note));
    }

    internal static async Task<Results<Ok<Page<NoteResponse>>, ValidationProblem>> MineAsync(
        string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var person = context.Caller().UserId;
        var page = await db.Notes.AsNoTracking().Where(n => n.PersonId == person)
            .PageAsync(paging, n => n.StudiedOn, n => n.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(NoteResponse.From));
    }

    internal static async Task<Results<Ok<Page<NoteResponse>>, ValidationProblem, ProblemHttpResult>> BranchNotesAsync(
        Guid id, DateOnly? from, DateOnly? to, string? cursor, int? limit, HttpContext context, StudyDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        var period = ChinaPeriod.Of(from, to, timeProvider);
        if (period.IsBackwards)
        {
            problems["to"] = [ChinaPeriod.BackwardsMessage];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var branch = await db.Units.AsNoTracking().Where(u => u.Id == id && u.Kind == UnitKinds.Branch).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (branch is null)
        {
            return TypedResults.Problem(title: StudyTexts.BranchNotFound_Title, detail: StudyTexts.BranchNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        var caller = context.Caller();
        if (caller.BranchId != id)
        {
            return TypedResults.Problem(title: MaterialsTexts.NotesOwnBranchOnly_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: string.Format(CultureInfo.CurrentCulture, MaterialsTexts.NotesOwnBranchOnly_Detail, branch));
        }
        var members = db.UnitMembers.AsNoTracking().Where(m => m.UnitId == id && m.JoinedOn != null);
        var page = await db.Notes.AsNoTracking()
            .Where(n => n.StudiedOn >= period.From && n.StudiedOn <= period.To
                && members.Any(m => m.PersonId == n.PersonId && m.JoinedOn <= n.StudiedOn && (m.LeftOn == null || m.LeftOn > n.StudiedOn)))
            .PageAsync(paging, n => n.StudiedOn, n => n.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(NoteResponse.From));
    }
}
