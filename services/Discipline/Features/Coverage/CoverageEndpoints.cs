using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Pledges;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Coverage;

/// <summary>
/// 廉政教育全覆盖: per campaign, the branches' counts (the office every branch, keepers their own) and a branch's members
/// with what each still lacks; per year, each member's campaigns and pledge; and the caller's own. Passed or not, never
/// a score; branches are compared by counts, people are never ranked.
/// </summary>
public static class CoverageEndpoints
{
    public sealed record BranchFigureResponse(Guid BranchId, string BranchName, int Members, int Attended, int MadeUp, int QuizPassed, int Covered);

    public sealed record CampaignCoverageResponse(
        Guid CampaignId, int Year, int Quarter, DateOnly ReferenceDay, int Members, int Covered, IReadOnlyList<BranchFigureResponse> Branches);

    public sealed record MemberRow(Guid PersonId, string DisplayName, bool Attended, bool MadeUp, bool QuizPassed, bool Covered);

    public sealed record NotCoveredMember(Guid PersonId, string DisplayName, IReadOnlyList<CoverageGap> Missing);

    public sealed record BranchCampaignCoverageResponse(
        Guid CampaignId, int Year, int Quarter, DateOnly ReferenceDay, BranchFigureResponse Figures, IReadOnlyList<MemberRow> Members,
        IReadOnlyList<NotCoveredMember> NotCovered);

    /// <param name="Counted">False when the person was in no branch on the campaign's reference day: it does not count for them.</param>
    public sealed record CampaignRow(Guid CampaignId, int Quarter, bool Counted, bool Attended, bool MadeUp, bool QuizPassed, bool Covered)
    {
        public static CampaignRow From(CampaignOfYear c) => c.Standing is { } s
            ? new(c.CampaignId, c.Quarter, true, s.Attended, s.MadeUp, s.QuizPassed, s.Covered)
            : new(c.CampaignId, c.Quarter, false, false, false, false, false);
    }

    /// <param name="Covered">Every campaign that counts for the member covered, and the pledge signed.</param>
    public sealed record YearMemberRow(Guid PersonId, string DisplayName, IReadOnlyList<CampaignRow> Campaigns, bool PledgeSigned, bool Covered);

    public sealed record YearCampaign(Guid CampaignId, int Quarter, string Theme, DateOnly ReferenceDay);

    public sealed record BranchYearCoverageResponse(
        int Year, Guid BranchId, string BranchName, DateOnly ReferenceDay, IReadOnlyList<YearCampaign> Campaigns, int PledgesSigned,
        IReadOnlyList<YearMemberRow> Members);

    public sealed record MyCoverageResponse(int Year, IReadOnlyList<YearCampaign> Campaigns, IReadOnlyList<CampaignRow> Standings, bool PledgeSigned,
        DateTimeOffset? PledgeSignedAt);

    public static RouteGroupBuilder MapCoverage(this RouteGroupBuilder discipline)
    {
        string[] read = [DisciplineAccess.ReadScope];
        discipline.MapGet("/campaigns/{id:guid}/coverage", CampaignAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("GetCampaignCoverage")
            .WithSummary("A campaign's coverage per branch, counts only (the office: every branch; a branch's keepers: their own)");
        discipline.MapGet("/campaigns/{id:guid}/coverage/branches/{branchId:guid}", BranchCampaignAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("GetBranchCampaignCoverage")
            .WithSummary("A branch's members for a campaign by name: attended, made up, quiz passed (no scores), and who is not yet covered with what is missing");
        discipline.MapGet("/coverage/{year:int}/branches/{branchId:guid}", BranchYearAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("GetBranchYearCoverage")
            .WithSummary("A branch's members for a year: each campaign of the year covered or not, and the pledge signed or not");
        discipline.MapGet("/coverage/mine", MineAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetMyCoverage")
            .WithSummary("The caller's own coverage of a year (?year=, this year by default): each campaign and the pledge");
        return discipline;
    }

    internal static async Task<Results<Ok<CampaignCoverageResponse>, ProblemHttpResult>> CampaignAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var caller = context.Caller();
        var (day, members) = await MembersAsync(db, campaign, timeProvider, cancellationToken);
        var figures = DisciplineCoverage.Figures(members).ToDictionary(f => f.BranchId);
        var branches = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKinds.Branch && (u.ValidTo == null || figures.Keys.Contains(u.Id)))
            .OrderBy(u => u.Name).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        // Keepers see their own branch's counts; the office every branch's.
        var shown = branches.Where(b => caller.IsOffice() || caller.KeepsBranch(b.Id))
            .Select(b => Figure(b.Id, b.Name, figures.GetValueOrDefault(b.Id))).ToList();
        return TypedResults.Ok(new CampaignCoverageResponse(campaign.Id, campaign.Year, campaign.Quarter, day, shown.Sum(f => f.Members),
            shown.Sum(f => f.Covered), shown));
    }

    internal static async Task<Results<Ok<BranchCampaignCoverageResponse>, ProblemHttpResult>> BranchCampaignAsync(
        Guid id, Guid branchId, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var (branch, refused) = await BranchAsync(db, context.Caller(), branchId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var (day, all) = await MembersAsync(db, campaign, timeProvider, cancellationToken);
        var members = all.Where(m => m.BranchId == branchId).ToList();
        return TypedResults.Ok(new BranchCampaignCoverageResponse(campaign.Id, campaign.Year, campaign.Quarter, day,
            Figure(branchId, branch!, DisciplineCoverage.Figures(members).SingleOrDefault()),
            [.. members.Select(m => new MemberRow(m.PersonId, m.DisplayName, m.Standing.Attended, m.Standing.MadeUp, m.Standing.QuizPassed, m.Standing.Covered))],
            [.. members.Where(m => !m.Standing.Covered).Select(m => new NotCoveredMember(m.PersonId, m.DisplayName, m.Standing.Missing))]));
    }

    internal static async Task<Results<Ok<BranchYearCoverageResponse>, ValidationProblem, ProblemHttpResult>> BranchYearAsync(
        int year, Guid branchId, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (PledgeYears.Invalid(year) is { } invalid)
        {
            return invalid;
        }
        var (branch, refused) = await BranchAsync(db, context.Caller(), branchId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var today = timeProvider.Today();
        var period = Periods.Year(year);
        var day = DisciplineCoverage.ReferenceDay(period, today);
        var campaigns = await CoverageFacts.OfYearAsync(db, year, cancellationToken);
        var stints = await CoverageFacts.BranchStintsAsync(db, period, cancellationToken);
        var members = DisciplineCoverage.MembersOn(stints, day).Where(s => s.UnitId == branchId).ToList();
        var ids = members.Select(m => m.PersonId).ToArray();
        var signed = (await db.PledgeSignatures.AsNoTracking().Where(s => s.Year == year && ids.Contains(s.PersonId)).Select(s => s.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var facts = campaigns.Select(c => c.Facts).ToList();
        var rows = members.Select(m =>
        {
            var standings = DisciplineCoverage.OfYear(m.PersonId, facts, stints, today).Select(CampaignRow.From).ToList();
            var pledged = signed.Contains(m.PersonId);
            return new YearMemberRow(m.PersonId, m.DisplayName, standings, pledged, pledged && standings.All(s => !s.Counted || s.Covered));
        }).ToList();
        return TypedResults.Ok(new BranchYearCoverageResponse(year, branchId, branch!, day, YearCampaigns(campaigns, today), signed.Count, rows));
    }

    internal static async Task<Results<Ok<MyCoverageResponse>, ValidationProblem>> MineAsync(
        int? year, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var today = timeProvider.Today();
        var of = year ?? today.Year;
        if (PledgeYears.Invalid(of) is { } invalid)
        {
            return invalid;
        }
        var person = context.Caller().UserId!.Value;
        var campaigns = await CoverageFacts.OfYearAsync(db, of, cancellationToken);
        var stints = await db.UnitMembers.AsNoTracking().During(Periods.Year(of))
            .Where(m => m.PersonId == person && m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var signedAt = await db.PledgeSignatures.AsNoTracking().Where(s => s.Year == of && s.PersonId == person)
            .Select(s => (DateTimeOffset?)s.SignedAt).SingleOrDefaultAsync(cancellationToken);
        var standings = DisciplineCoverage.OfYear(person, campaigns.Select(c => c.Facts), stints, today).Select(CampaignRow.From).ToList();
        return TypedResults.Ok(new MyCoverageResponse(of, YearCampaigns(campaigns, today), standings, signedAt is not null, signedAt));
    }

    /// <summary>The campaign's members on its reference day, with their standing.</summary>
    private static async Task<(DateOnly Day, IReadOnlyList<MemberCoverage> Members)> MembersAsync(
        DisciplineDbContext db, WarningCampaign campaign, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var day = DisciplineCoverage.ReferenceDay(campaign.Period, timeProvider.Today());
        var facts = await CoverageFacts.OfAsync(db, campaign, cancellationToken);
        var stints = await db.UnitMembers.AsNoTracking().On(day).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        return (day, DisciplineCoverage.Members(facts, stints, day));
    }

    private static IReadOnlyList<YearCampaign> YearCampaigns(IEnumerable<(WarningCampaign Campaign, CampaignFacts Facts)> campaigns, DateOnly today) =>
        [.. campaigns.Select(c => new YearCampaign(c.Campaign.Id, c.Campaign.Quarter, c.Campaign.Theme, DisciplineCoverage.ReferenceDay(c.Campaign.Period, today)))];

    private static BranchFigureResponse Figure(Guid id, string name, BranchFigures? figures) => figures is null
        ? new(id, name, 0, 0, 0, 0, 0)
        : new(id, name, figures.Members, figures.Attended, figures.MadeUp, figures.QuizPassed, figures.Covered);

    /// <summary>The branch's name, or 404 (no such branch) / 403 (a branch the caller does not keep).</summary>
    private static async Task<(string? Name, ProblemHttpResult? Refused)> BranchAsync(
        DisciplineDbContext db, Caller caller, Guid branchId, CancellationToken cancellationToken)
    {
        var name = await db.Units.AsNoTracking().Where(u => u.Id == branchId && u.Kind == UnitKinds.Branch).Select(u => u.Name)
            .SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return (null, TypedResults.Problem(title: CoverageTexts.BranchNotFound_Title, detail: CoverageTexts.BranchNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound));
        }
        return caller.KeepsBranch(branchId)
            ? (name, null)
            : (name, TypedResults.Problem(title: CoverageTexts.OwnBranchOnly_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: string.Format(CultureInfo.CurrentCulture, CoverageTexts.OwnBranchOnly_Detail, name)));
    }

}
