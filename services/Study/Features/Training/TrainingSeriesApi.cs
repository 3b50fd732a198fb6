using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Training;

/// <summary>
/// Training series (履职能力提升专题培训): the office creates a series for the whole organ; everyone who reads study
/// records lists the series and reads one with its sessions (the training activities that name it) and their speakers.
/// </summary>
public static class TrainingSeriesApi
{
    public sealed record SeriesRequest(string? Title, string? Description, Guid? OrganiserUnitId);

    public sealed class SeriesValidator : AbstractValidator<SeriesRequest>
    {
        public SeriesValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(TrainingSeries.TitleMaxLength);
            RuleFor(r => r.Description).MaximumLength(TrainingSeries.DescriptionMaxLength);
            RuleFor(r => r.OrganiserUnitId).NotEmpty();
        }
    }

    public sealed record SeriesResponse(
        Guid Id, string Title, string Description, Guid OrganiserUnitId, AudienceKind Audience, DateTimeOffset CreatedAt)
    {
        public static SeriesResponse From(TrainingSeries s) => new(s.Id, s.Title, s.Description, s.OrganiserUnitId, s.Audience, s.CreatedAt);
    }

    public sealed record SessionResponse(
        Guid Id, string Topic, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, string Place, ActivityState State,
        IReadOnlyList<ExternalSpeaker> Speakers);

    /// <param name="Sessions">The series' training activities the caller may see, by planned start.</param>
    public sealed record SeriesWithSessionsResponse(
        Guid Id, string Title, string Description, Guid OrganiserUnitId, AudienceKind Audience, DateTimeOffset CreatedAt,
        IReadOnlyList<SessionResponse> Sessions);

    public static RouteGroupBuilder MapTrainingSeries(this RouteGroupBuilder study)
    {
        study.MapGet("/training-series", ListAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("ListTrainingSeries")
            .WithSummary("Training series (履职能力提升专题培训), newest first; follow 'next'");
        study.MapGet("/training-series/{id:guid}", GetAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("GetTrainingSeries")
            .WithSummary("One training series with its sessions (time, place, state, external speakers)");
        study.MapPost("/training-series", CreateAsync)
            .Validate<SeriesRequest>()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Office)
            .WithName("CreateTrainingSeries")
            .WithSummary("The office creates a training series for the whole organ, organised by the committee or a department");
        return study;
    }

    internal static async Task<Results<Ok<Page<SeriesResponse>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var page = await db.TrainingSeries.AsNoTracking().PageAsync(paging, s => s.CreatedAt, s => s.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(SeriesResponse.From));
    }

    internal static async Task<Results<Ok<SeriesWithSessionsResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        var series = await db.TrainingSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (series is null)
        {
            return TypedResults.Problem(title: MaterialsTexts.SeriesNotFound_Title, detail: MaterialsTexts.SeriesNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        var sessions = await db.Activities.AsNoTracking().VisibleTo(context.Caller())
            .Where(a => a.SeriesId == id && a.Kind == ActivityKind.Training)
            .OrderBy(a => a.PlannedStart).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new SeriesWithSessionsResponse(series.Id, series.Title, series.Description, series.OrganiserUnitId, series.Audience,
            series.CreatedAt, [.. sessions.Select(a => new SessionResponse(a.Id, a.Topic, a.PlannedStart, a.PlannedEnd, a.Place, a.State, a.Speakers))]));
    }

    internal static async Task<Results<Created<SeriesResponse>, ProblemHttpResult>> CreateAsync(
        SeriesRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var organiser = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.OrganiserUnitId, cancellationToken);
        if (organiser is null)
        {
            return FieldProblems.Unprocessable("organiserUnitId", MaterialsTexts.UnknownUnit, MaterialsTexts.UnknownUnit_Detail);
        }
        var series = TrainingSeries.Create(request.Title!, request.Description ?? "", organiser, context.Caller().Signature, timeProvider.GetUtcNow());
        db.TrainingSeries.Add(series);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/study/training-series/{series.Id}", SeriesResponse.From(series));
    }
}
