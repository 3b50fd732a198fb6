using System.Globalization;
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

namespace BrandPlatform.Study.Features.Materials;

/// <summary>
/// The materials library (学习资料库): the office adds and edits speeches and documents and designates one for study;
/// everyone who reads study records lists (by tag, by words of the title, source or summary) and reads them.
/// </summary>
public static class Materials
{
    public sealed record MaterialRequest(
        string? Title, MaterialKind? Kind, string? Source, string? Link, DateOnly? PublishedOn, IReadOnlyList<string>? Tags, string? Summary);

    public sealed record MaterialResponse(
        Guid Id, string Title, MaterialKind Kind, string Source, string? Link, DateOnly PublishedOn, IReadOnlyList<string> Tags, string Summary,
        DateTimeOffset? DesignatedAt, DateOnly? FirstAgendaItemDue, DateOnly? BranchFollowUpDue, int Version)
    {
        public static MaterialResponse From(StudyMaterial m) => new(
            m.Id, m.Title, m.Kind, m.Source, m.Link, m.PublishedOn, m.Tags, m.Summary, m.DesignatedAt, m.FirstAgendaItemDue, m.BranchFollowUpDue, m.Version);
    }

    public sealed class MaterialValidator : AbstractValidator<MaterialRequest>
    {
        public MaterialValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(StudyMaterial.TitleMaxLength);
            RuleFor(r => r.Kind).NotNull().IsInEnum();
            RuleFor(r => r.Source).NotEmpty().MaximumLength(StudyMaterial.SourceMaxLength);
            RuleFor(r => r.Link).MaximumLength(StudyMaterial.LinkMaxLength)
                .Must(link => string.IsNullOrWhiteSpace(link) || IsWebAddress(link.Trim())).WithMessage(_ => MaterialsTexts.LinkNotWeb);
            RuleFor(r => r.PublishedOn).NotNull();
            RuleFor(r => r.Tags).Must(tags => tags is null || tags.Count <= StudyMaterial.MaxTags)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, MaterialsTexts.TagsAtMost, StudyMaterial.MaxTags));
            RuleForEach(r => r.Tags).NotNull().Must(tag => StudyMaterial.NormaliseTag(tag).Length is > 0 and <= StudyMaterial.TagMaxLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, MaterialsTexts.TagLength, StudyMaterial.TagMaxLength));
            RuleFor(r => r.Summary).MaximumLength(StudyMaterial.SummaryMaxLength);
        }

        private static bool IsWebAddress(string link) =>
            Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    public static RouteGroupBuilder MapMaterials(this RouteGroupBuilder study)
    {
        study.MapGet("/materials", ListAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("ListMaterials")
            .WithSummary("The materials library, newest first; ?tag= one tag, ?q= words of the title, source or summary; follow 'next'");
        study.MapGet("/materials/{id:guid}", GetAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("GetMaterial")
            .WithSummary("One material of the library, with its designation and deadlines; the ETag is its version");
        study.MapPost("/materials", AddAsync)
            .Validate<MaterialRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Office)
            .WithName("AddMaterial")
            .WithSummary("The office adds a speech or document to the library (tags normalised, at most 10)");
        study.MapPut("/materials/{id:guid}", EditAsync)
            .Validate<MaterialRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Office)
            .WithName("EditMaterial")
            .WithSummary("The office corrects a material; If-Match with the ETag it read (412 when stale)");
        study.MapPost("/materials/{id:guid}/designate", DesignateAsync)
            .ChecksIfMatch()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Office)
            .WithName("DesignateMaterial")
            .WithSummary("The office designates the material for study: the leadership team's 第一议题 and every branch get deadlines (409 when designated already)");
        return study;
    }

    internal static async Task<Results<Ok<Page<MaterialResponse>>, ValidationProblem>> ListAsync(
        string? tag, string? q, string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var materials = db.Materials.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var normalised = StudyMaterial.NormaliseTag(tag);
            materials = materials.Where(m => m.Tags.Contains(normalised));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim();
            materials = materials.Where(m => m.Title.Contains(words) || m.Source.Contains(words) || m.Summary.Contains(words));
        }
        var page = await materials.PageAsync(paging, m => m.PublishedOn, m => m.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(MaterialResponse.From));
    }

    internal static async Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        var material = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (material is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = ETagOf(material);
        return TypedResults.Ok(MaterialResponse.From(material));
    }

    internal static async Task<Created<MaterialResponse>> AddAsync(
        MaterialRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var material = StudyMaterial.Add(request.Title!, request.Kind!.Value, request.Source!, request.Link, request.PublishedOn!.Value,
            request.Tags ?? [], request.Summary ?? "", context.Caller().Signature, timeProvider.GetUtcNow());
        db.Materials.Add(material);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(material);
        return TypedResults.Created($"/api/study/materials/{material.Id}", MaterialResponse.From(material));
    }

    internal static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> EditAsync(
        Guid id, MaterialRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, context, db, cancellationToken, material => material.Edit(request.Title!, request.Kind!.Value, request.Source!, request.Link,
            request.PublishedOn!.Value, request.Tags ?? [], request.Summary ?? "", timeProvider.GetUtcNow()));

    internal static Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> DesignateAsync(
        Guid id, HttpContext context, StudyDbContext db, IOptions<StudyRulesOptions> rules, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, context, db, cancellationToken, material => material.Designate(
            rules.Value.FirstAgendaItemDays, rules.Value.BranchFollowUpDays, context.Caller().Signature, timeProvider.GetUtcNow()));

    /// <summary>Loads the material, checks If-Match (412 when stale), lets the entity change and saves; the answer carries the new ETag.</summary>
    private static async Task<Results<Ok<MaterialResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken, Action<StudyMaterial> change)
    {
        var material = await db.Materials.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (material is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(ETagOf(material)) is { } stale)
        {
            return stale;
        }
        change(material);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(material);
        return TypedResults.Ok(MaterialResponse.From(material));
    }

    public static string ETagOf(StudyMaterial material) => $"\"{material.Version}\"";

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: MaterialsTexts.MaterialNotFound_Title, detail: MaterialsTexts.MaterialNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
