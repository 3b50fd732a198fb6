using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.CommunityFigures;
using BrandPlatform.Reporting.Features.DisciplineFigures;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.MemberCards;

/// <summary>
/// A member's own card for a year: the study activities they attended, where they stand in each warning campaign and
/// the pledge, the community services they served in, from reporting's copies. It is the member's, their branch
/// secretary's (or party-affairs officer's) and the office's: for anyone else it does not exist (404, so a card's
/// existence says nothing). It is never compared with others: no rank, no average, no other member's figure.
/// </summary>
public static class GetMemberCard
{
    public sealed record StudyActivity(Guid ActivityId, string Kind, string Topic, DateTimeOffset HeldAt);

    public sealed record Study(int Attended, IReadOnlyList<StudyActivity> Activities);

    /// <param name="Counted">False when the member was in no branch on the campaign's reference day: the campaign is not theirs.</param>
    public sealed record Campaign(Guid CampaignId, int Quarter, string Theme, bool Counted, bool Attended, bool MadeUp, bool QuizPassed, bool Covered);

    public sealed record Discipline(IReadOnlyList<Campaign> Campaigns, bool PledgeSigned);

    /// <param name="State">pending or confirmed.</param>
    public sealed record Registration(string CommunityName, DateOnly RegisteredOn, string State);

    /// <param name="Themed">Held under the quarter's theme.</param>
    /// <param name="Hours">The service's hours as recorded (for the record).</param>
    public sealed record Service(Guid ServiceId, DateOnly On, string CommunityName, bool Themed, decimal? Hours, string Summary);

    /// <param name="Registration">The year's registration with a home community; null when none.</param>
    public sealed record Community(Registration? Registration, int Served, IReadOnlyList<Service> Services);

    /// <param name="Available">False: reporting's ticket records name the lead unit, not a handling person.</param>
    /// <param name="HandledOnTime">Tickets the member handled on time; null when not available.</param>
    /// <param name="Note">Why not, when not available.</param>
    public sealed record Tickets(bool Available, int? HandledOnTime, string? Note);

    /// <param name="DisplayName">The member's name in the directory; null when reporting has not heard of them.</param>
    /// <param name="BranchId">The member's branch now; null when in none.</param>
    public sealed record Response(
        Guid PersonId, string? DisplayName, Guid? BranchId, string? BranchName, int Year, Study Study, Discipline Discipline, Community Community,
        Tickets Tickets);

    /// <summary>Everyone who may have a card or keep a branch; whose card they read is checked per card.</summary>
    public static readonly string[] Roles =
    [
        PlatformRoles.Member, PlatformRoles.BranchSecretary, PlatformRoles.PartyAffairsOfficer, PlatformRoles.OfficeStaff, PlatformRoles.Administrator,
        PlatformRoles.TaskForceHandler, PlatformRoles.LiaisonLeader,
    ];

    public static RouteGroupBuilder MapMemberCards(this RouteGroupBuilder reporting)
    {
        reporting.MapGet("/member-cards/mine", (int? year, HttpContext context, ReportingDbContext db, DisciplineFigureQueries discipline,
                TimeProvider timeProvider, CancellationToken cancellationToken) =>
                HandleAsync(context.Caller().UserId ?? Guid.Empty, year, context, db, discipline, timeProvider, cancellationToken))
            .RequirePersonAccess(ReportingAccess.ReadScopes, Roles)
            .WithName("GetMyMemberCard")
            .WithSummary("The caller's own card for a year (default this one): study activities attended, warning-education standing and pledge, community services served");
        reporting.MapGet("/member-cards/{personId:guid}", HandleAsync)
            .RequirePersonAccess(ReportingAccess.ReadScopes, Roles)
            .WithName("GetMemberCard")
            .WithSummary("A member's card for a year (default this one): for the member, their branch's keepers and the office; 404 for anyone else. Never compared with others");
        return reporting;
    }

    internal static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid personId, int? year, HttpContext context, ReportingDbContext db, DisciplineFigureQueries discipline, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var of = year ?? timeProvider.Today().Year;
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(of, null, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var stints = await db.UnitMembers.AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        var branch = stints.Where(m => m.UnitKind == UnitKinds.Branch && m.IsCurrent).OrderByDescending(m => m.JoinedOn).FirstOrDefault();
        var caller = context.Caller();
        if (personId == Guid.Empty || !(caller.UserId == personId || caller.IsOffice() || (branch is not null && caller.MayKeepBranch(branch.UnitId))))
        {
            return TypedResults.Problem(title: CommunityFigureTexts.MemberCardNotFound_Title, detail: CommunityFigureTexts.MemberCardNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        var period = Periods.Year(of);
        var attended = await db.StudyActivities.AsNoTracking()
            .Where(a => a.HeldAt >= period.Start && a.HeldAt < period.End && a.PresentIds.Contains(personId))
            .OrderBy(a => a.HeldAt).Select(a => new StudyActivity(a.ActivityId, a.Kind, a.Topic, a.HeldAt!.Value)).ToListAsync(cancellationToken);
        var (campaigns, pledgeSigned) = await discipline.MemberYearAsync(personId, of, cancellationToken);
        var registration = await db.CommunityRegistrations.AsNoTracking()
            .Where(r => r.PersonId == personId && r.Year == of && (r.State == RegistrationRecord.Confirmed || r.State == RegistrationRecord.Pending))
            .OrderBy(r => r.State == RegistrationRecord.Confirmed ? 0 : 1).ThenByDescending(r => r.RegisteredOn)
            .Select(r => new Registration(r.CommunityName, r.RegisteredOn, r.State)).FirstOrDefaultAsync(cancellationToken);
        var served = await db.CommunityServices.AsNoTracking()
            .Where(s => s.On >= period.From && s.On <= period.To && s.ParticipantIds.Contains(personId)).OrderBy(s => s.On)
            .Select(s => new Service(s.ServiceId, s.On, s.CommunityName, s.ThemeId != null, s.Hours, s.Summary)).ToListAsync(cancellationToken);
        var branchName = branch is null ? null
            : await db.Units.AsNoTracking().Where(u => u.Id == branch.UnitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new Response(personId, stints.OrderByDescending(m => m.JoinedOn).FirstOrDefault(m => m.DisplayName != "")?.DisplayName,
            branch?.UnitId, branchName, of, new Study(attended.Count, attended),
            new Discipline([.. campaigns.Select(c => new Campaign(c.Campaign.CampaignId, c.Campaign.Quarter, c.Campaign.Theme, c.Standing is not null,
                c.Standing?.Attended ?? false, c.Standing?.MadeUp ?? false, c.Standing?.QuizPassed ?? false, c.Standing?.Covered ?? false))], pledgeSigned),
            new Community(registration, served.Count, served),
            new Tickets(false, null, CommunityFigureTexts.TicketsNotAvailable)));
    }
}
