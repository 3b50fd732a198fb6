using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

/// <summary>
/// The study programme per branch and period (学习教育全覆盖, 三会一课 and 主题党日, 第一议题): counts of members and
/// meetings, never a person. Periods: <c>from</c>/<c>to</c> or <c>year</c> (+ <c>quarter</c>); <c>groupBy</c> branch, month or quarter.
/// </summary>
public static class StudyProgrammeEndpoints
{
    /// <param name="Period">The month (2026-11) or quarter (2026-Q4) of the row; null when grouped by branch over the whole period.</param>
    public sealed record CoverageRow(string? Period, DateOnly From, DateOnly To, Guid UnitId, string UnitName, int Members, int Covered, double? Rate);

    public sealed record CoverageResponse(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<CoverageRow> Rows);

    /// <param name="Required">Meetings the cadence required of the branch and its party groups in periods that start in the row's period.</param>
    /// <param name="Met">Cadence lines (a kind in a month, quarter or year, for the branch or one party group) that were met.</param>
    /// <param name="Missing">Lines not met whose period has ended; a line whose period runs on is pending.</param>
    public sealed record ComplianceRow(
        string? Period, DateOnly From, DateOnly To, Guid UnitId, string UnitName, int Required, int Held, int Met, int Missing, int Pending,
        int RecordsOnTime, int RecordsLate, IReadOnlyList<CadenceFigure> Kinds);

    public sealed record ComplianceResponse(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<ComplianceRow> Rows);

    public sealed record FollowUpRow(Guid UnitId, string UnitName, string UnitKind, DateOnly Due, FollowUpStatus Status, DateOnly? StudiedOn);

    /// <param name="Branches">How many branches studied the material on time, late, not yet (deadline ahead) and not by the deadline.</param>
    public sealed record FollowUpCounts(int Studied, int Late, int Pending, int Overdue);

    public sealed record MaterialRow(
        Guid MaterialId, string Title, DateOnly DesignatedOn, DateOnly FirstAgendaItemDue, DateOnly BranchFollowUpDue, FollowUpCounts Branches,
        IReadOnlyList<FollowUpRow> Units);

    public sealed record FirstAgendaResponse(DateOnly From, DateOnly To, IReadOnlyList<MaterialRow> Materials);

    public static RouteGroupBuilder MapStudyProgramme(this RouteGroupBuilder group)
    {
        group.MapGet("/study/coverage", CoverageAsync)
            .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
            .WithName("GetStudyCoverage")
            .WithSummary("Branch members present at one held study activity of the period (学习教育全覆盖), per branch, month or quarter (default: the year so far)")
            .WithXlsxExport();
        group.MapGet("/study/compliance", ComplianceAsync)
            .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
            .WithName("GetStudyCompliance")
            .WithSummary("三会一课 and 主题党日 required, held and met per branch and period, and meeting records filed on time or late")
            .WithXlsxExport();
        group.MapGet("/study/first-agenda", FirstAgendaAsync)
            .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
            .WithName("GetFirstAgendaFollowUp")
            .WithSummary("Materials designated in the period (第一议题) and whether the leadership team and each branch studied them within the allowed days")
            .WithXlsxExport();
        return group;
    }

    internal static async Task<Results<Ok<CoverageResponse>, ValidationProblem>> CoverageAsync(
        DateOnly? from, DateOnly? to, int? year, int? quarter, string? groupBy, StudyProgrammeFigures figures, IUnitNames unitNames,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (period, grouping, problem) = Ask(from, to, year, quarter, groupBy, timeProvider);
        if (problem is not null)
        {
            return problem;
        }
        var coverage = await figures.CoverageAsync(ReportPeriod.Slices(period!, grouping), cancellationToken);
        var names = await unitNames.NamesAsync([.. coverage.Select(c => c.BranchId).Distinct()], cancellationToken);
        return TypedResults.Ok(new CoverageResponse(period!.From, period.To, grouping.ToCode(), [.. coverage
            .Select(c => new CoverageRow(c.Slice.Label, c.Slice.Period.From, c.Slice.Period.To, c.BranchId, names.GetValueOrDefault(c.BranchId, ""),
                c.Members, c.Covered, new UnitMeasure(ScorecardMeasureCodes.StudyCoverage, c.BranchId, c.Covered, c.Members).Rate))
            .OrderBy(r => r.From).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId)]));
    }

    internal static async Task<Results<Ok<ComplianceResponse>, ValidationProblem>> ComplianceAsync(
        DateOnly? from, DateOnly? to, int? year, int? quarter, string? groupBy, StudyProgrammeFigures figures, IUnitNames unitNames,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (period, grouping, problem) = Ask(from, to, year, quarter, groupBy, timeProvider);
        if (problem is not null)
        {
            return problem;
        }
        var compliance = await figures.ComplianceAsync(ReportPeriod.Slices(period!, grouping), cancellationToken);
        var names = await unitNames.NamesAsync([.. compliance.Select(c => c.BranchId).Distinct()], cancellationToken);
        return TypedResults.Ok(new ComplianceResponse(period!.From, period.To, grouping.ToCode(), [.. compliance
            .Select(c => new ComplianceRow(c.Slice.Label, c.Slice.Period.From, c.Slice.Period.To, c.BranchId, names.GetValueOrDefault(c.BranchId, ""),
                c.Kinds.Sum(k => k.Required), c.Kinds.Sum(k => k.Held), c.Kinds.Sum(k => k.Met), c.Kinds.Sum(k => k.Missing), c.Kinds.Sum(k => k.Pending),
                c.RecordsOnTime, c.RecordsLate, c.Kinds))
            .OrderBy(r => r.From).ThenBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId)]));
    }

    internal static async Task<Results<Ok<FirstAgendaResponse>, ValidationProblem>> FirstAgendaAsync(
        DateOnly? from, DateOnly? to, int? year, int? quarter, StudyProgrammeFigures figures, IUnitNames unitNames, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var (period, problem) = ReportPeriod.Of(from, to, year, quarter, timeProvider);
        if (problem is not null)
        {
            return problem;
        }
        var materials = await figures.FirstAgendaAsync(period!, cancellationToken);
        var names = await unitNames.NamesAsync([.. materials.SelectMany(m => m.Units).Select(u => u.UnitId).Distinct()], cancellationToken);
        return TypedResults.Ok(new FirstAgendaResponse(period!.From, period.To, [.. materials.Select(m =>
        {
            var branches = m.Units.Where(u => u.UnitKind == UnitKinds.Branch).ToList();
            return new MaterialRow(m.Material.MaterialId, m.Material.Title, ChinaCalendar.DateOf(m.Material.DesignatedAt),
                m.Material.FirstAgendaItemDue, m.Material.BranchFollowUpDue,
                new FollowUpCounts(Count(FollowUpStatus.Studied), Count(FollowUpStatus.Late), Count(FollowUpStatus.Pending), Count(FollowUpStatus.Overdue)),
                [.. m.Units.Select(u => new FollowUpRow(u.UnitId, names.GetValueOrDefault(u.UnitId, ""), u.UnitKind, u.Due, u.Status, u.StudiedOn))
                    .OrderBy(u => u.UnitKind == UnitKinds.LeadershipTeam ? 0 : 1).ThenBy(u => u.UnitName, StringComparer.Ordinal).ThenBy(u => u.UnitId)]);

            int Count(FollowUpStatus status) => branches.Count(b => b.Status == status);
        })]));
    }

    private static (ChinaPeriod? Period, FigureGrouping Grouping, ValidationProblem? Problem) Ask(
        DateOnly? from, DateOnly? to, int? year, int? quarter, string? groupBy, TimeProvider timeProvider)
    {
        if (ReportPeriod.GroupingOf(groupBy) is not { } grouping)
        {
            return (null, default, FieldProblems.Invalid("groupBy", StudyProgrammeTexts.GroupByInvalid));
        }
        var (period, problem) = ReportPeriod.Of(from, to, year, quarter, timeProvider);
        return (period, grouping, problem);
    }
}
