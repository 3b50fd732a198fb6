using System.Globalization;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features.Materials;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Activities;

/// <summary>
/// Study activities, /api/study/activities: the organiser's keepers plan one, file its record (attendance from the
/// rosters, their bulk marks and members' check-ins), amend it or cancel it; members check in with the code shown in
/// the room. The entity owns the lifecycle; these endpoints load, check scope and If-Match, and save.
/// </summary>
public static class Activities
{
    private const string Activity = "/activities/{id:guid}";

    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder study)
    {
        string[] write = [StudyAccess.WriteScope];
        string[] read = [StudyAccess.ReadScope];
        study.MapPost("/activities", ScheduleAsync)
            .Validate<ScheduleRequest>()
            .RequirePersonAccess(write, StudyAccess.Organisers)
            .WithName("ScheduleActivity")
            .WithSummary("Plan a study activity for a unit the caller keeps (a branch's keepers: their branch and its party groups)");
        study.MapGet(Activity, GetAsync)
            .RequirePersonAccess(read, StudyAccess.Readers)
            .WithName("GetActivity")
            .WithSummary("Read an activity: plan, state, record and amendments; the full attendance sheet for its keepers, one's own line for others");
        study.MapStep<RescheduleRequest>(HttpMethods.Put, Activity, "RescheduleActivity", "Change a planned activity's time, place, topic or audience",
            async (activity, r, s) =>
            {
                if (await UnknownReferencesAsync(s.Db, r.Audience!, activity.SeriesId, r.Materials, s.CancellationToken) is { } unknown)
                {
                    return unknown;
                }
                activity.Reschedule(r.Topic!, [.. (r.Materials ?? []).Select(m => m.ToReference())], r.PlannedStart!.Value, r.PlannedEnd!.Value,
                    r.Place!, r.Audience!.ToAudience(), [.. (r.Speakers ?? []).Select(sp => sp.ToSpeaker())], s.Now, r.BrandId, r.BrandMeasureId);
                return null;
            });
        study.MapStep<HoldRequest>(HttpMethods.Post, Activity + "/hold",
            "HoldActivity", "File the record of a planned activity: attendance (check-ins, marks, the roster's absentees), minutes, duration",
            async (activity, r, s) =>
            {
                var (record, invalid) = await RecordAsync(activity, r, s);
                if (record is not null)
                {
                    activity.Hold(record, s.Calendar.AddWorkingDays(ChinaCalendar.DateOf(record.HeldAt), StudyActivity.RecordWorkingDays), s.Now);
                }
                return invalid;
            });
        study.MapStep<AmendRequest>(HttpMethods.Post, Activity + "/amend",
            "AmendActivity", "Correct a held record; the record as it was is kept with the amendment",
            async (activity, r, s) =>
            {
                var (record, invalid) = await RecordAsync(activity, r, s);
                if (record is not null)
                {
                    activity.Amend(record, r.Reason!, s.Caller.Signature, s.Now);
                }
                return invalid;
            });
        study.MapStep<CancelRequest>(HttpMethods.Post, Activity + "/cancel", "CancelActivity", "Cancel a planned activity, with the reason",
            (activity, r, s) =>
            {
                activity.Cancel(r.Reason!, s.Now);
                return Task.FromResult<ProblemHttpResult?>(null);
            });
        study.MapGet(Activity + "/check-in-code", CheckInCodeAsync)
            .RequirePersonAccess(read, StudyAccess.Organisers)
            .WithName("GetActivityCheckInCode")
            .WithSummary("The check-in code to show in the room, and its window (keepers only)");
        study.MapPost(Activity + "/check-in", CheckInAsync)
            .Validate<CheckInRequest>()
            .RequirePersonAccess(write, StudyAccess.Readers)
            .WithName("CheckInToActivity")
            .WithSummary("Check in with the code during the window (an expected participant); a second check-in answers the first");
        return study;
    }

    internal static async Task<Results<Created<ActivityResponse>, ProblemHttpResult>> ScheduleAsync(
        ScheduleRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var organiser = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.OrganiserUnitId, cancellationToken);
        if (organiser is null)
        {
            return FieldProblems.Unprocessable("organiserUnitId", ActivityTexts.OrganiserNotFound, ActivityTexts.OrganiserNotFound_Detail);
        }
        if (!caller.MayOrganise(organiser))
        {
            return TypedResults.Problem(title: ActivityTexts.MayNotOrganise_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: string.Format(CultureInfo.CurrentCulture, ActivityTexts.MayNotOrganise_Detail, organiser.Name));
        }
        if (await UnknownReferencesAsync(db, request.Audience!, request.SeriesId, request.Materials, cancellationToken) is { } unknown)
        {
            return unknown;
        }
        var activity = StudyActivity.Schedule(request.Kind!.Value, organiser, StudyAccess.BranchOf(organiser), request.Topic!,
            [.. (request.Materials ?? []).Select(m => m.ToReference())], request.PlannedStart!.Value, request.PlannedEnd!.Value, request.Place!,
            request.Audience!.ToAudience(), [.. (request.Speakers ?? []).Select(s => s.ToSpeaker())], request.SeriesId, caller.Signature,
            timeProvider.GetUtcNow(), request.BrandId, request.BrandMeasureId);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ActivityResponse.ETagOf(activity);
        return TypedResults.Created($"/api/study/activities/{activity.Id}", ActivityResponse.From(activity, caller));
    }

    internal static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var activity = await db.Activities.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = ActivityResponse.ETagOf(activity);
        return TypedResults.Ok(ActivityResponse.From(activity, caller));
    }

    internal static async Task<Results<Ok<CheckInCodeResponse>, ProblemHttpResult>> CheckInCodeAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        var (activity, refused) = await KeptAsync(db, context.Caller(), id, tracking: false, cancellationToken);
        return activity is null
            ? refused!
            : TypedResults.Ok(new CheckInCodeResponse(activity.CheckInCode, activity.PlannedStart - CheckInCodes.OpensBefore, activity.PlannedEnd));
    }

    /// <summary>
    /// Hundreds of people check in within a minute: the activity by its key, the caller's own roster stints, and one
    /// insert that a repeated check-in leaves alone. No aggregate version changes, so check-ins never conflict.
    /// </summary>
    internal static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckInAsync(
        Guid id, CheckInRequest request, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null || caller.UserId is not { } person)
        {
            return NotFound();
        }
        var now = timeProvider.GetUtcNow();
        var name = await db.ExpectedNameAsync(activity.Audience, activity.OrganiserUnitId, person, ChinaCalendar.DateOf(now), cancellationToken);
        if (name is null)
        {
            return await db.Activities.VisibleTo(caller).AnyAsync(a => a.Id == id, cancellationToken)
                ? TypedResults.Problem(title: ActivityTexts.NotExpected_Title, detail: ActivityTexts.NotExpected_Detail, statusCode: StatusCodes.Status403Forbidden)
                : NotFound();
        }
        activity.RequireCheckInOpen(now);
        if (!CheckInCodes.Matches(activity.CheckInCode, request.Code))
        {
            return FieldProblems.Unprocessable("code", ActivityTexts.WrongCode, ActivityTexts.WrongCode_Detail);
        }
        var displayName = name != "" ? name : caller.DisplayName;
        var at = await db.CheckInOnceAsync(new CheckIn(id, person, displayName, now),
            cancellationToken);
        return TypedResults.Ok(new CheckInResponse(at));
    }

    /// <summary>What a step needs besides the activity and the request.</summary>
    private sealed record StepContext(Caller Caller, StudyDbContext Db, WorkingCalendar Calendar, DateTimeOffset Now, CancellationToken CancellationToken);

    /// <summary>
    /// A keeper's step on one activity: load it, check that the caller keeps it (403 for another branch's keepers,
    /// 404 for whoever may not see it), compare If-Match (412), let the entity make the change (409 naming the state),
    /// save (the outbox takes the events) and answer with the new ETag. The step answers a problem of its own (a
    /// field it cannot accept) or null.
    /// </summary>
    private static void MapStep<TRequest>(
        this RouteGroupBuilder study, string method, string pattern, string name, string summary,
        Func<StudyActivity, TRequest, StepContext, Task<ProblemHttpResult?>> apply) where TRequest : class =>
        study.MapMethods(pattern, [method], async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> (
                Guid id, TRequest request, HttpContext context, StudyDbContext db, WorkingCalendar calendar, TimeProvider timeProvider,
                CancellationToken cancellationToken) =>
            {
                var caller = context.Caller();
                var (activity, refused) = await KeptAsync(db, caller, id, tracking: true, cancellationToken);
                if (activity is null)
                {
                    return refused!;
                }
                if (context.StaleIfMatch(ActivityResponse.ETagOf(activity)) is { } stale)
                {
                    return stale;
                }
                if (await apply(activity, request, new StepContext(caller, db, calendar, timeProvider.GetUtcNow(), cancellationToken)) is { } invalid)
                {
                    return invalid;
                }
                await db.SaveChangesAsync(cancellationToken);
                context.Response.Headers.ETag = ActivityResponse.ETagOf(activity);
                return TypedResults.Ok(ActivityResponse.From(activity, caller));
            })
            .Validate<TRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess([StudyAccess.WriteScope], StudyAccess.Organisers)
            .WithName(name)
            .WithSummary(summary);

    /// <summary>
    /// The activity if the caller keeps it. A keeper of another branch is told it is not theirs to record (a secretary
    /// cannot record another branch's meeting); anyone else who may see it is refused; for everyone else, and for a
    /// heart-to-heart talk outside one's branch, it does not exist.
    /// </summary>
    private static async Task<(StudyActivity? Activity, ProblemHttpResult? Refused)> KeptAsync(
        StudyDbContext db, Caller caller, Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var activity = await (tracking ? db.Activities : db.Activities.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null)
        {
            return (null, NotFound());
        }
        if (caller.Keeps(activity))
        {
            return (activity, null);
        }
        var told = (caller.IsInAnyRole(PlatformRoles.BranchKeepers) && !activity.Kind.IsPrivate())
            || await db.Activities.VisibleTo(caller).AnyAsync(a => a.Id == id, cancellationToken);
        if (!told)
        {
            return (null, NotFound());
        }
        var organiser = await db.Units.Where(u => u.Id == activity.OrganiserUnitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        return (null, TypedResults.Problem(title: ActivityTexts.KeepersOnly_Title, statusCode: StatusCodes.Status403Forbidden,
            detail: string.Format(CultureInfo.CurrentCulture, ActivityTexts.KeepersOnly_Detail, organiser ?? activity.OrganiserUnitId.ToString())));
    }

    /// <summary>
    /// The record a keeper files: the sheet compiled from who the rosters expected on the day it was held, the keeper's
    /// marks and the check-ins; a marked person no roster knows is a field problem (a mistyped id, not a guest).
    /// </summary>
    private static async Task<(HeldRecord? Record, ProblemHttpResult? Invalid)> RecordAsync(StudyActivity activity, IRecordRequest request, StepContext s)
    {
        var heldAt = request.HeldAt!.Value;
        var marks = request.Attendance!.Select(m => m.ToMark()).ToList();
        var expected = await s.Db.ExpectedAsync(activity.Audience, activity.OrganiserUnitId, ChinaCalendar.DateOf(heldAt), s.CancellationToken);
        var (sheet, unknown) = await s.Db.CompileSheetAsync(activity.Id, expected, marks, s.CancellationToken);
        if (sheet is null)
        {
            return (null, FieldProblems.Unprocessable($"attendance[{unknown}].personId", ActivityTexts.PersonNotInRosters, ActivityTexts.PersonNotInRosters_Detail));
        }
        return (new HeldRecord(heldAt, request.DurationMinutes!.Value, request.Minutes!, request.ExternalAttendees ?? 0, sheet), null);
    }

    /// <summary>422 naming every field that refers to something study does not have: the audience unit or organisation, the series, library materials.</summary>
    private static async Task<ProblemHttpResult?> UnknownReferencesAsync(
        StudyDbContext db, AudienceRequest audience, Guid? seriesId, IReadOnlyList<MaterialRequest>? materials, CancellationToken cancellationToken)
    {
        var problems = await StudyReferences.CheckAsync(db, seriesId, [.. (materials ?? []).Select(m => m.MaterialId)], cancellationToken);
        if (audience.UnitId is { } unit && !await db.Units.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            problems["audience.unitId"] = [ActivityTexts.AudienceUnitNotFound];
        }
        if (audience.OrganisationId is { } organisation && !await db.UnitedFrontOrganisations.AnyAsync(o => o.OrganisationId == organisation, cancellationToken))
        {
            problems["audience.organisationId"] = [ActivityTexts.AudienceOrganisationNotFound];
        }
        return problems.Count == 0 ? null : FieldProblems.Unprocessable(problems, ActivityTexts.ReferencesNotFound_Detail);
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: ActivityTexts.ActivityNotFound_Title, detail: ActivityTexts.ActivityNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
