using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.StudyFigures;

/// <summary>
/// Study activities held in a period (China dates), per kind: how many, how many attendances, how many records were
/// filed late. Counts of activities and attendances only: no figure names or ranks a person (no-formalism rules 2026).
/// </summary>
public static class GetStudySummary
{
    /// <param name="Attendances">People present, those from outside the directory (a united-front audience) included.</param>
    public sealed record KindFigures(string Kind, int Held, int Attendances, int LateRecords);

    public sealed record Response(DateOnly From, DateOnly To, IReadOnlyList<KindFigures> Kinds);

    public static RouteHandlerBuilder MapGetStudySummary(this RouteGroupBuilder group) => group
        .MapGet("/study/summary", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetStudySummary")
        .WithSummary("Study activities held in a period per kind: held, attendances and late records (default: the year so far)")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var period = ChinaPeriod.Of(from, to, timeProvider);
        if (period.IsBackwards)
        {
            return FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage);
        }
        var kinds = await db.StudyActivities.AsNoTracking()
            .Where(a => a.State == "held" && a.HeldAt >= period.Start && a.HeldAt < period.End)
            .GroupBy(a => a.Kind)
            .Select(g => new KindFigures(g.Key, g.Count(), g.Sum(a => a.Attendees + a.ExternalAttendees), g.Count(a => a.RecordedLate)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Response(period.From, period.To, [.. kinds.OrderBy(k => k.Kind, StringComparer.Ordinal)]));
    }
}
