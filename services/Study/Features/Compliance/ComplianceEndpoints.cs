using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>
/// The rules' answers: a branch's 三会一课 compliance for a quarter (keepers, office) and every unit's (office);
/// 学习教育全覆盖 for a period; 谈心谈话 coverage, by name for the branch's keepers only. Nobody is ranked: coverage
/// says who is not yet covered, never how much anyone studied.
/// </summary>
public static class ComplianceEndpoints
{
    public sealed record RequirementResponse(
        ActivityKind Kind, Guid UnitId, string UnitName, string Period, DateOnly From, DateOnly To, int Required, int Held, RequirementStatus Status);

    public sealed record LateRecordResponse(Guid ActivityId, ActivityKind Kind, string Topic, DateOnly HeldOn, DateOnly? RecordDue, DateTimeOffset? RecordedAt);

    public sealed record FindingResponse(FindingKind Kind, string Text, Guid? ActivityId, Guid? RectificationId);

    public sealed record ComplianceResponse(
        Guid UnitId, string UnitName, int Year, int Quarter, bool Compliant, IReadOnlyList<RequirementResponse> Requirements, PlanCheck? Plan,
        IReadOnlyList<LateRecordResponse> LateRecords, IReadOnlyList<Rectifications.RectificationResponse> OverdueRectifications,
        TalkCoverage? Talks, IReadOnlyList<FindingResponse> Findings);

    public sealed record UnitSummary(Guid UnitId, string UnitName, string UnitKind, bool Compliant, TalkCoverage? Talks, IReadOnlyList<FindingResponse> Findings);

    /// <summary>Every branch and the leadership team, non-compliant first.</summary>
    public sealed record ComplianceOverview(int Year, int Quarter, int NonCompliant, IReadOnlyList<UnitSummary> Units);

    public sealed record CoverageResponse(Guid BranchId, DateOnly From, DateOnly To, int Members, int Covered, IReadOnlyList<CoveredPerson> NotCovered);

    public sealed record BranchCoverageFigure(Guid BranchId, string BranchName, int Members, int Covered);

    public sealed record CoverageOverview(DateOnly From, DateOnly To, int Members, int Covered, IReadOnlyList<BranchCoverageFigure> Branches);

    public sealed record TalkCoverageResponse(Guid BranchId, int Year, int Members, int TalkedWith, IReadOnlyList<CoveredPerson> NotYetTalkedWith);

    public static RouteGroupBuilder MapCompliance(this RouteGroupBuilder study)
    {
        study.MapQuarterPlans();
        study.MapRectifications();
        study.MapGet("/branches/{id:guid}/compliance", BranchComplianceAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .WithName("GetBranchCompliance").WithSummary("A branch's 三会一课 compliance for a quarter: each requirement met, pending or missing, the plan, late records, overdue rectifications, talks");
        study.MapGet("/compliance", OverviewAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Office)
            .WithName("GetComplianceOverview").WithSummary("Every branch and the leadership team for a quarter, non-compliant first, with the findings");
        study.MapGet("/branches/{id:guid}/coverage", BranchCoverageAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .WithName("GetBranchCoverage").WithSummary("学习教育全覆盖 of a branch in a period: how many members, how many covered, who is not yet covered");
        study.MapGet("/coverage", CoverageOverviewAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Office)
            .WithName("GetCoverageOverview").WithSummary("学习教育全覆盖 per branch in a period (figures only)");
        study.MapGet("/branches/{id:guid}/talks/coverage", TalkCoverageAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], PlatformRoles.BranchKeepers)
            .WithName("GetTalkCoverage").WithSummary("谈心谈话 coverage of a year: the branch's current members not yet talked with (its keepers only)");
        return study;
    }

    internal static async Task<Results<Ok<ComplianceResponse>, ValidationProblem, ProblemHttpResult>> BranchComplianceAsync(
        Guid id, int? year, int? quarter, HttpContext context, StudyDbContext db, TimeProvider timeProvider, IOptions<StudyRulesOptions> rules,
        CancellationToken cancellationToken)
    {
        if (!ComplianceScope.TryReadQuarter(year, quarter, timeProvider, out var period, out var invalid))
        {
            return invalid;
        }
        var (_, refusal) = await ComplianceScope.BranchAsync(db, context.Caller(), id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var facts = (await ComplianceFacts.BranchesAsync(db, [id], period.Year, period.Quarter, cancellationToken)).Single();
        var result = ComplianceRules.ForBranch(facts, period.Year, period.Quarter, timeProvider.Today(), rules.Value);
        var names = await NamesAsync(db, cancellationToken);
        return TypedResults.Ok(new ComplianceResponse(result.UnitId, names.GetValueOrDefault(result.UnitId, ""), result.Year, result.Quarter, result.Compliant,
            [.. result.Requirements.Select(r => new RequirementResponse(r.Kind, r.UnitId, names.GetValueOrDefault(r.UnitId, ""), PeriodLabel(r), r.From, r.To,
                r.Required, r.Held, r.Status))],
            result.Plan,
            [.. result.LateRecords.Select(m => new LateRecordResponse(m.Id, m.Kind, m.Topic, m.HeldOn, m.RecordDue, m.RecordedAt))],
            [.. result.OverdueRectifications.Select(r => Rectifications.RectificationResponse.From(r, timeProvider.Today()))],
            result.Talks,
            Findings(result, names)));
    }

    internal static async Task<Results<Ok<ComplianceOverview>, ValidationProblem>> OverviewAsync(
        int? year, int? quarter, StudyDbContext db, TimeProvider timeProvider, IOptions<StudyRulesOptions> rules, CancellationToken cancellationToken)
    {
        if (!ComplianceScope.TryReadQuarter(year, quarter, timeProvider, out var period, out var invalid))
        {
            return invalid;
        }
        var today = timeProvider.Today();
        var branches = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch && u.ValidTo == null).Select(u => u.Id).ToListAsync(cancellationToken);
        var facts = await ComplianceFacts.BranchesAsync(db, branches, period.Year, period.Quarter, cancellationToken);
        var results = facts.Select(f => ComplianceRules.ForBranch(f, period.Year, period.Quarter, today, rules.Value))
            .Concat(await ComplianceFacts.LeadershipTeamsAsync(db, period.Year, period.Quarter, today, cancellationToken));
        var names = await NamesAsync(db, cancellationToken);
        var units = results
            .Select(r => new UnitSummary(r.UnitId, names.GetValueOrDefault(r.UnitId, ""), r.Plan is null ? UnitKinds.LeadershipTeam : UnitKinds.Branch,
                r.Compliant, r.Talks, Findings(r, names)))
            .OrderBy(u => u.Compliant).ThenBy(u => u.UnitName, StringComparer.Ordinal).ThenBy(u => u.UnitId).ToList();
        return TypedResults.Ok(new ComplianceOverview(period.Year, period.Quarter, units.Count(u => !u.Compliant), units));
    }

    internal static async Task<Results<Ok<CoverageResponse>, ValidationProblem, ProblemHttpResult>> BranchCoverageAsync(
        Guid id, DateOnly? from, DateOnly? to, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!ComplianceScope.TryReadPeriod(from, to, timeProvider, out var period, out var invalid))
        {
            return invalid;
        }
        var (_, refusal) = await ComplianceScope.BranchAsync(db, context.Caller(), id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var stints = db.UnitMembers.AsNoTracking().During(period).Where(m => m.UnitKind == UnitKinds.Branch);
        var people = stints.Where(m => m.UnitId == id).Select(m => m.PersonId);
        // Everyone with a stint here, with all their branch stints of the period: a member who moved on counts in the new branch.
        var theirStints = await stints.Where(m => people.Contains(m.PersonId)).ToListAsync(cancellationToken);
        var ids = theirStints.Select(m => m.PersonId).Distinct().ToArray();
        var held = await db.Activities.AsNoTracking().HeldDuring(period).Where(a => a.PresentIds.Any(p => ids.Contains(p)))
            .Select(HeldMeeting.Projection).ToListAsync(cancellationToken);
        var coverage = CoverageRules.Coverage(period, theirStints, held).SingleOrDefault(c => c.BranchId == id) ?? new BranchCoverage(id, 0, 0, []);
        return TypedResults.Ok(new CoverageResponse(id, period.From, period.To, coverage.Members, coverage.Covered, coverage.NotCovered));
    }

    internal static async Task<Results<Ok<CoverageOverview>, ValidationProblem>> CoverageOverviewAsync(
        DateOnly? from, DateOnly? to, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!ComplianceScope.TryReadPeriod(from, to, timeProvider, out var period, out var invalid))
        {
            return invalid;
        }
        var stints = await db.UnitMembers.AsNoTracking().During(period).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var held = await db.Activities.AsNoTracking().HeldDuring(period).Select(HeldMeeting.Projection).ToListAsync(cancellationToken);
        var coverage = CoverageRules.Coverage(period, stints, held).ToDictionary(c => c.BranchId);
        var branches = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch && (u.ValidTo == null || coverage.Keys.Contains(u.Id)))
            .OrderBy(u => u.Name).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var figures = branches.Select(b => coverage.TryGetValue(b.Id, out var c)
            ? new BranchCoverageFigure(b.Id, b.Name, c.Members, c.Covered)
            : new BranchCoverageFigure(b.Id, b.Name, 0, 0)).ToList();
        return TypedResults.Ok(new CoverageOverview(period.From, period.To, figures.Sum(f => f.Members), figures.Sum(f => f.Covered), figures));
    }

    internal static async Task<Results<Ok<TalkCoverageResponse>, ValidationProblem, ProblemHttpResult>> TalkCoverageAsync(
        Guid id, int? year, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        ComplianceScope.CheckYear(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var (_, refusal) = await ComplianceScope.BranchAsync(db, context.Caller(), id, cancellationToken, keepersOnly: true);
        if (refusal is not null)
        {
            return refusal;
        }
        var of = year ?? timeProvider.Today().Year;
        var members = await db.UnitMembers.AsNoTracking().Current().Where(m => m.UnitId == id).ToListAsync(cancellationToken);
        var talks = await db.Activities.AsNoTracking().HeldDuring(new ChinaPeriod(new DateOnly(of, 1, 1), new DateOnly(of, 12, 31)))
            .Where(a => a.Kind == ActivityKind.HeartToHeartTalk && a.BranchId == id)
            .Select(HeldMeeting.Projection).ToListAsync(cancellationToken);
        var notYet = CoverageRules.NotTalkedWith(members, talks, of);
        var count = members.Select(m => m.PersonId).Distinct().Count();
        return TypedResults.Ok(new TalkCoverageResponse(id, of, count, count - notYet.Count, notYet));
    }

    private static IReadOnlyList<FindingResponse> Findings(UnitCompliance result, IReadOnlyDictionary<Guid, string> names) =>
        [.. result.Findings.Select(f => new FindingResponse(f.Kind, f.Text.Format(CultureInfo.CurrentUICulture, names), f.ActivityId, f.RectificationId))];

    private static string PeriodLabel(Requirement requirement) => (requirement.To.DayNumber - requirement.From.DayNumber) switch
    {
        < 31 => requirement.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        < 100 => $"{requirement.From.Year}-Q{Periods.QuarterOf(requirement.From)}",
        _ => requirement.From.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Task<Dictionary<Guid, string>> NamesAsync(StudyDbContext db, CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch || u.Kind == UnitKinds.PartyGroup || u.Kind == UnitKinds.LeadershipTeam)
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
}
