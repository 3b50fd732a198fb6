using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Campaigns;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Sessions;

/// <summary>
/// A campaign's branch sessions (警示教育会): a branch's keepers (or the office) schedule one, show its check-in code,
/// file its record (attendance from the branch's roster on the day, check-ins and their marks) or cancel it; the
/// branch's members check in. Whoever may not see a session is told it does not exist.
/// </summary>
public static class Sessions
{
    private const string Session = "/sessions/{id:guid}";

    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder discipline)
    {
        string[] write = [DisciplineAccess.WriteScope];
        string[] read = [DisciplineAccess.ReadScope];
        discipline.MapPost(Campaigns.Campaigns.Campaign + "/sessions", ScheduleAsync)
            .Validate<ScheduleSessionRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Keepers)
            .WithName("ScheduleSession")
            .WithSummary("Schedule a branch's session of a campaign (the branch's secretary or party-affairs officer, or the office)");
        discipline.MapGet(Campaigns.Campaigns.Campaign + "/sessions", ListAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListSessions")
            .WithSummary("A campaign's sessions, by planned start: every branch's for the office, one's own branch's for others");
        discipline.MapGet(Session, GetAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetSession")
            .WithSummary("Read a session: plan, state, record; the whole attendance sheet for its keepers, one's own line for members");
        discipline.MapGet(Session + "/check-in-code", CheckInCodeAsync)
            .RequirePersonAccess(read, DisciplineAccess.Keepers)
            .WithName("GetSessionCheckInCode")
            .WithSummary("The check-in code to show in the room, and its window (the branch's keepers)");
        discipline.MapPost(Session + "/check-in", CheckInAsync)
            .Validate<SessionCheckInRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Participants)
            .WithName("CheckInToSession")
            .WithSummary("Check in with the code during the window (a member of the branch on the day); a second check-in answers the first");
        discipline.MapStep<HoldSessionRequest>("/hold", "HoldSession",
            "File a planned session's record: when, how long, notes, attendance (the roster on the day, check-ins, marks)",
            async (session, r, s) =>
            {
                var heldAt = r.HeldAt!.Value;
                var expected = await s.Db.BranchRosterAsync(session.BranchId, ChinaCalendar.DateOf(heldAt), s.CancellationToken);
                var (sheet, unknown) = await s.Db.CompileSheetAsync(session.Id, expected, [.. r.Attendance!.Select(m => m.ToMark())], s.CancellationToken);
                if (sheet is null)
                {
                    return FieldProblems.Unprocessable($"attendance[{unknown}].personId", CampaignTexts.PersonNotInRosters, CampaignTexts.PersonNotInRosters_Detail);
                }
                var campaign = await s.Db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == session.CampaignId, s.CancellationToken);
                session.Hold(campaign, heldAt, r.DurationMinutes!.Value, r.Notes!, sheet, s.Now);
                return null;
            });
        discipline.MapStep<CancelSessionRequest>("/cancel", "CancelSession", "Cancel a planned session, with the reason",
            (session, r, s) =>
            {
                session.Cancel(r.Reason!, s.Now);
                return Task.FromResult<ProblemHttpResult?>(null);
            });
        return discipline;
    }

    internal static async Task<Results<Created<SessionResponse>, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleSessionRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var branch = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.BranchId, cancellationToken);
        if (branch is null)
        {
            return FieldProblems.Unprocessable("branchId", CampaignTexts.BranchNotFound, CampaignTexts.BranchNotFound_Detail);
        }
        if (!caller.KeepsBranch(branch.Id))
        {
            return TypedResults.Problem(title: CampaignTexts.MayNotSchedule_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: string.Format(CultureInfo.CurrentCulture, CampaignTexts.MayNotSchedule_Detail, branch.Name));
        }
        var session = WarningSession.Schedule(campaign, branch, request.Topic!, request.CaseIds ?? [], request.PlannedStart!.Value,
            request.PlannedEnd!.Value, request.Place!, caller.Signature, timeProvider.GetUtcNow());
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = SessionResponse.ETagOf(session);
        return TypedResults.Created($"/api/discipline/sessions/{session.Id}", SessionResponse.From(session, caller));
    }

    internal static async Task<Results<Ok<Page<SessionResponse>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        Guid id, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var caller = context.Caller();
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var sessions = db.Sessions.AsNoTracking().Where(s => s.CampaignId == id);
        if (await db.BranchesSeenAsync(caller, campaign.Period, cancellationToken) is { } branches)
        {
            sessions = sessions.Where(s => branches.Contains(s.BranchId));
        }
        var page = await sessions.PageAsync(paging, s => s.PlannedStart, s => s.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(s => SessionResponse.From(s, caller)));
    }

    internal static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || !await db.MaySeeAsync(caller, session, cancellationToken))
        {
            return NotFound();
        }
        context.Response.Headers.ETag = SessionResponse.ETagOf(session);
        return TypedResults.Ok(SessionResponse.From(session, caller));
    }

    internal static async Task<Results<Ok<SessionCheckInCodeResponse>, ProblemHttpResult>> CheckInCodeAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var (session, refused) = await KeptAsync(db, context.Caller(), id, tracking: false, cancellationToken);
        return session is null
            ? refused!
            : TypedResults.Ok(new SessionCheckInCodeResponse(session.CheckInCode, session.PlannedStart - CheckInCodes.OpensBefore, session.PlannedEnd));
    }

    /// <summary>
    /// The session by its key, the caller's stint on the branch's roster today, and one insert that a repeated
    /// check-in leaves alone: no aggregate version changes, so a room checking in at once never conflicts.
    /// </summary>
    internal static async Task<Results<Ok<SessionCheckInResponse>, ProblemHttpResult>> CheckInAsync(
        Guid id, SessionCheckInRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || caller.UserId is not { } person)
        {
            return NotFound();
        }
        var now = timeProvider.GetUtcNow();
        var roster = await db.BranchRosterAsync(session.BranchId, ChinaCalendar.DateOf(now), cancellationToken);
        if (!roster.TryGetValue(person, out var name))
        {
            return await db.MaySeeAsync(caller, session, cancellationToken)
                ? TypedResults.Problem(title: CampaignTexts.NotExpected_Title, detail: CampaignTexts.NotExpected_Detail, statusCode: StatusCodes.Status403Forbidden)
                : NotFound();
        }
        session.RequireCheckInOpen(now);
        if (!CheckInCodes.Matches(session.CheckInCode, request.Code))
        {
            return FieldProblems.Unprocessable("code", CampaignTexts.WrongCode, CampaignTexts.WrongCode_Detail);
        }
        var displayName = name != "" ? name : caller.DisplayName;
        var at = await db.CheckInOnceAsync(new CheckIn(id, person, displayName, now),
            cancellationToken);
        return TypedResults.Ok(new SessionCheckInResponse(at));
    }

    /// <summary>What a step needs besides the session and the request.</summary>
    private sealed record StepContext(DisciplineDbContext Db, DateTimeOffset Now, CancellationToken CancellationToken);

    /// <summary>
    /// A keeper's step on one session: load it, check that the caller keeps its branch (403 for one who may see it,
    /// 404 for everyone else), compare If-Match (412), let the entity make the change (409 naming the state), save (the
    /// outbox takes the events) and answer with the new ETag. The step answers a problem of its own or null.
    /// </summary>
    private static void MapStep<TRequest>(
        this RouteGroupBuilder discipline, string step, string name, string summary,
        Func<WarningSession, TRequest, StepContext, Task<ProblemHttpResult?>> apply) where TRequest : class =>
        discipline.MapPost(Session + step, async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> (
                Guid id, TRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            {
                var caller = context.Caller();
                var (session, refused) = await KeptAsync(db, caller, id, tracking: true, cancellationToken);
                if (session is null)
                {
                    return refused!;
                }
                if (context.StaleIfMatch(SessionResponse.ETagOf(session)) is { } stale)
                {
                    return stale;
                }
                if (await apply(session, request, new StepContext(db, timeProvider.GetUtcNow(), cancellationToken)) is { } invalid)
                {
                    return invalid;
                }
                await db.SaveChangesAsync(cancellationToken);
                context.Response.Headers.ETag = SessionResponse.ETagOf(session);
                return TypedResults.Ok(SessionResponse.From(session, caller));
            })
            .Validate<TRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess([DisciplineAccess.WriteScope], DisciplineAccess.Keepers)
            .WithName(name)
            .WithSummary(summary);

    /// <summary>
    /// The session if the caller keeps its branch. One who may see it (a member of the branch) is told it is not theirs
    /// to change; for everyone else, another branch's keepers included, it does not exist.
    /// </summary>
    private static async Task<(WarningSession? Session, ProblemHttpResult? Refused)> KeptAsync(
        DisciplineDbContext db, Caller caller, Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var session = await (tracking ? db.Sessions : db.Sessions.AsNoTracking()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return (null, NotFound());
        }
        if (caller.KeepsBranch(session.BranchId))
        {
            return (session, null);
        }
        if (!await db.MaySeeAsync(caller, session, cancellationToken))
        {
            return (null, NotFound());
        }
        var branch = await db.Units.Where(u => u.Id == session.BranchId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        return (null, TypedResults.Problem(title: CampaignTexts.KeepersOnly_Title, statusCode: StatusCodes.Status403Forbidden,
            detail: string.Format(CultureInfo.CurrentCulture, CampaignTexts.KeepersOnly_Detail, branch ?? session.BranchId.ToString())));
    }

    /// <summary>Whether the caller may see the session: its branch's keepers and the office, and the branch's members.</summary>
    private static async Task<bool> MaySeeAsync(this DisciplineDbContext db, Caller caller, WarningSession session, CancellationToken cancellationToken)
    {
        var period = await db.Campaigns.Where(c => c.Id == session.CampaignId).Select(c => new { c.Year, c.Quarter }).SingleAsync(cancellationToken);
        return await db.BranchesSeenAsync(caller, Periods.Quarter(period.Year, period.Quarter), cancellationToken) is not { } branches
            || branches.Contains(session.BranchId);
    }

    /// <summary>
    /// The branches whose sessions of a campaign the caller sees, or null for all of them (the office): the branch
    /// their token names, and every branch whose roster had them during the campaign's quarter (a member who moved
    /// still reads the line of the session they attended).
    /// </summary>
    private static async Task<IReadOnlySet<Guid>?> BranchesSeenAsync(
        this DisciplineDbContext db, Caller caller, ChinaPeriod period, CancellationToken cancellationToken)
    {
        if (caller.IsOffice())
        {
            return null;
        }
        var branches = caller.UserId is { } person
            ? await db.UnitMembers.During(period).Where(m => m.PersonId == person && m.UnitKind == UnitKinds.Branch).Select(m => m.UnitId)
                .ToHashSetAsync(cancellationToken)
            : [];
        if (caller.BranchId is { } own)
        {
            branches.Add(own);
        }
        return branches;
    }

    /// <summary>A branch's members on a day, with their roster names: whom a session held that day expects.</summary>
    internal static async Task<Dictionary<Guid, string>> BranchRosterAsync(
        this DisciplineDbContext db, Guid branchId, DateOnly day, CancellationToken cancellationToken) =>
        (await db.UnitMembers.AsNoTracking().On(day).Where(m => m.UnitId == branchId && m.UnitKind == UnitKinds.Branch)
            .Select(m => new { m.PersonId, m.DisplayName }).ToListAsync(cancellationToken))
        .DistinctBy(m => m.PersonId).ToDictionary(m => m.PersonId, m => m.DisplayName);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CampaignTexts.SessionNotFound_Title, detail: CampaignTexts.SessionNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
