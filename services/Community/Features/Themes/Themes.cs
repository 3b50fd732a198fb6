using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Community.Features.Themes;

/// <summary>How many themed services each branch holds a quarter when the office does not say (<c>Community:Themes</c>).</summary>
public sealed class ThemeOptions
{
    public const string Section = "Community:Themes";

    public int ServicesPerBranch { get; set; } = 2;
}

/// <summary>/api/community/themes: 一季一主题. The office sets each quarter's volunteer-service theme; everyone reads them.</summary>
public static class Themes
{
    public sealed record SetRequest(int? Year, int? Quarter, string? Title, string? Description, int? ServicesPerBranch);

    public sealed record ReviseRequest(string? Title, string? Description, int? ServicesPerBranch);

    public sealed record Response(Guid Id, int Year, int Quarter, string Title, string? Description, int ServicesPerBranch, int Version)
    {
        public static Response From(ServiceTheme t) => new(t.Id, t.Year, t.Quarter, t.Title, t.Description, t.ServicesPerBranch, t.Version);
    }

    public sealed class SetValidator : AbstractValidator<SetRequest>
    {
        public SetValidator()
        {
            RuleFor(r => r.Year).NotNull().InclusiveBetween(Periods.FirstYear, Periods.LastYear);
            RuleFor(r => r.Quarter).NotNull().InclusiveBetween(1, 4);
            RuleFor(r => r.Title).NotEmpty().MaximumLength(ServiceTheme.TitleMaxLength);
            RuleFor(r => r.Description).MaximumLength(ServiceTheme.DescriptionMaxLength);
            RuleFor(r => r.ServicesPerBranch).InclusiveBetween(1, ServiceTheme.MaxServicesPerBranch);
        }
    }

    public sealed class ReviseValidator : AbstractValidator<ReviseRequest>
    {
        public ReviseValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(ServiceTheme.TitleMaxLength);
            RuleFor(r => r.Description).MaximumLength(ServiceTheme.DescriptionMaxLength);
            RuleFor(r => r.ServicesPerBranch).NotNull().InclusiveBetween(1, ServiceTheme.MaxServicesPerBranch);
        }
    }

    public static RouteGroupBuilder MapThemes(this RouteGroupBuilder community)
    {
        community.MapGet("/themes", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListServiceThemes")
            .WithSummary("The quarters' service themes, latest quarter first; ?year=");
        community.MapGet("/themes/current", CurrentAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetCurrentServiceTheme")
            .WithSummary("This quarter's theme (China calendar); 404 when the office has not set it");
        community.MapPost("/themes", SetAsync)
            .Validate<SetRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Office)
            .WithName("SetServiceTheme")
            .WithSummary("The office sets a quarter's theme and how many themed services each branch holds (the configured number when not given); one a quarter: 409; announced as ServiceThemeSet");
        community.MapPut("/themes/{id:guid}", ReviseAsync)
            .Validate<ReviseRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Office)
            .WithName("ReviseServiceTheme")
            .WithSummary("The office rewords a theme or changes the number; If-Match; announced as ServiceThemeRevised");
        return community;
    }

    internal static async Task<Results<Ok<IReadOnlyList<Response>>, ValidationProblem>> ListAsync(
        int? year, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var themes = db.Themes.AsNoTracking();
        if (year is { } y)
        {
            themes = themes.Where(t => t.Year == y);
        }
        var list = await themes.OrderByDescending(t => t.Year).ThenByDescending(t => t.Quarter).Take(40).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Response>>([.. list.Select(Response.From)]);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> CurrentAsync(
        HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var theme = await OfDayAsync(db, ChinaCalendar.DateOf(timeProvider.GetUtcNow()), cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = ETagOf(theme);
        return TypedResults.Ok(Response.From(theme));
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> SetAsync(
        SetRequest request, HttpContext context, CommunityDbContext db, IOptions<ThemeOptions> options, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var theme = ServiceTheme.Set(request.Year!.Value, request.Quarter!.Value, request.Title!, request.Description,
            request.ServicesPerBranch ?? options.Value.ServicesPerBranch, timeProvider.GetUtcNow());
        db.Themes.Add(theme);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return TypedResults.Problem(title: CommunityTexts.ThemeTaken_Title, statusCode: StatusCodes.Status409Conflict,
                detail: string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.ThemeTaken_Detail, theme.Year, theme.Quarter));
        }
        context.Response.Headers.ETag = ETagOf(theme);
        return TypedResults.Created($"/api/community/themes/{theme.Id}", Response.From(theme));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, ReviseRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (theme is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(ETagOf(theme)) is { } stale)
        {
            return stale;
        }
        theme.Revise(request.Title!, request.Description, request.ServicesPerBranch!.Value, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(theme);
        return TypedResults.Ok(Response.From(theme));
    }

    /// <summary>The theme of the quarter a day falls in, if the office set one.</summary>
    internal static Task<ServiceTheme?> OfDayAsync(CommunityDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var quarter = Periods.QuarterOf(day);
        return db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Year == day.Year && t.Quarter == quarter, cancellationToken);
    }

    private static string ETagOf(ServiceTheme theme) => $"\"{theme.Version}\"";

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.ThemeNotFound_Title, detail: CommunityTexts.ThemeNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
