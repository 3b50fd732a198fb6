using System.Globalization;
using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>
/// What a branch may write up, and the draft its record gives: a service it held, a study activity it organised once
/// held, a resolved ticket whose enterprise was satisfied, a completed practical matter. Nobody retypes what the record
/// already says; the writer edits the words.
/// </summary>
public static class Sources
{
    public sealed record Prefill(
        PublicityKind Kind, Guid? BranchId, string Title, string Summary, string Body, PublicitySource SourceKind, Guid SourceId,
        DateTimeOffset SourceOccurredAt);

    private static readonly string[] Satisfied = ["satisfied", "basicallySatisfied"];

    public static RouteGroupBuilder MapPublicitySources(this RouteGroupBuilder community)
    {
        community.MapGet("/publicity/prefill", PrefillAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Keepers)
            .WithName("PrefillPublicityItem")
            .WithSummary("A draft from a record (?sourceKind=communityService|studyActivity|ticket|practicalMatter&sourceId=): one's branch's service or activity, a resolved ticket with a satisfied enterprise, a completed practical matter; 404 for a record one may not write up, 422 for one not ready");
        return community;
    }

    internal static async Task<Results<Ok<Prefill>, ProblemHttpResult, ValidationProblem>> PrefillAsync(
        QueryCode<PublicitySource>? sourceKind, Guid? sourceId, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (sourceKind is null)
        {
            problems["sourceKind"] = [CommunityTexts.SourceRequired];
        }
        if (sourceId is null || sourceId == Guid.Empty)
        {
            problems["sourceId"] = [CommunityTexts.SourceRequired];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var found = await FindAsync(db, context.Caller(), sourceKind!.Value.Value, sourceId!.Value, cancellationToken);
        return found.Prefill is { } prefill ? TypedResults.Ok(prefill) : found.Problem!;
    }

    /// <summary>The draft a record gives the caller, or why they may not write it up (404, or 422 when not ready).</summary>
    internal static async Task<(Prefill? Prefill, ProblemHttpResult? Problem)> FindAsync(
        CommunityDbContext db, Caller caller, PublicitySource kind, Guid id, CancellationToken cancellationToken)
    {
        var scope = caller.BranchScope();
        switch (kind)
        {
            case PublicitySource.CommunityService:
                var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && (scope == null || s.BranchId == scope), cancellationToken);
                if (service is null)
                {
                    return (null, NotFound());
                }
                var branchName = (await Units.NamesAsync(db, [service.BranchId], cancellationToken)).NameIn(service.BranchId);
                var theme = service.ThemeId is { } themeId ? await db.Themes.AsNoTracking().Where(t => t.Id == themeId).Select(t => t.Title).SingleOrDefaultAsync(cancellationToken) : null;
                var lead = theme is null
                    ? Format(CommunityTexts.Prefill_ServiceBody, service.On, branchName, service.Participants.Count, service.CommunityName, service.PeopleServed)
                    : Format(CommunityTexts.Prefill_ThemedServiceBody, service.On, branchName, service.Participants.Count, service.CommunityName, theme, service.PeopleServed);
                return (new Prefill(PublicityKind.News, service.BranchId, Format(CommunityTexts.Prefill_ServiceTitle, branchName, service.CommunityName),
                    Shorten(lead), $"{lead}\n\n{service.Summary}", kind, id, ChinaCalendar.At(service.On, TimeOnly.MinValue)), null);
            case PublicitySource.StudyActivity:
                var activity = await db.HeldActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && (scope == null || a.OrganiserUnitId == scope), cancellationToken);
                if (activity is null)
                {
                    return (null, NotFound());
                }
                if (activity.HeldAt is not { } heldAt || activity.State != "held")
                {
                    return (null, NotReady(CommunityTexts.ActivityNotHeld_Detail));
                }
                var organiser = (await Units.NamesAsync(db, [activity.OrganiserUnitId], cancellationToken)).NameIn(activity.OrganiserUnitId);
                var activityBody = Format(CommunityTexts.Prefill_ActivityBody, ChinaCalendar.DateOf(heldAt), organiser, activity.Topic, activity.Attendees);
                return (new Prefill(PublicityKind.News, activity.OrganiserUnitId, activity.Topic, Shorten(activityBody), activityBody, kind, id, heldAt), null);
            case PublicitySource.Ticket:
                var ticket = await db.SolvedTickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (ticket is null)
                {
                    return (null, NotFound());
                }
                if (ticket.ResolvedAt is not { } resolvedAt || !Satisfied.Contains(ticket.Satisfaction))
                {
                    return (null, NotReady(CommunityTexts.TicketNotSatisfied_Detail));
                }
                var ticketBody = Format(CommunityTexts.Prefill_TicketBody, ticket.RequesterName, ticket.Number, ChinaCalendar.DateOf(resolvedAt));
                return (new Prefill(PublicityKind.Highlight, caller.BranchId, Format(CommunityTexts.Prefill_TicketTitle, ticket.RequesterName), Shorten(ticketBody),
                    ticketBody, kind, id, resolvedAt), null);
            default:
                var matter = await db.PracticalMatters.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                if (matter is null)
                {
                    return (null, NotFound());
                }
                if (matter is not { State: PracticalMatterState.Completed, CompletedOn: { } completedOn })
                {
                    return (null, NotReady(CommunityTexts.MatterNotCompleted_Detail));
                }
                var matterBody = Format(CommunityTexts.Prefill_MatterBody, matter.OwnerUnitName, matter.Title, completedOn, matter.Beneficiaries);
                return (new Prefill(PublicityKind.News, caller.BranchId, Format(CommunityTexts.Prefill_MatterTitle, matter.Title), Shorten(matterBody),
                    $"{matterBody}\n\n{matter.Description}", kind, id, ChinaCalendar.At(completedOn, TimeOnly.MinValue)), null);
        }
    }

    private static string Format(string format, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, format, arguments);

    private static string Shorten(string text) => text.Length <= PublicityItem.SummaryMaxLength ? text : text[..(PublicityItem.SummaryMaxLength - 1)] + "…";

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.SourceNotFound_Title, detail: CommunityTexts.SourceNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NotReady(string detail) =>
        FieldProblems.Unprocessable("sourceId", CommunityTexts.SourceNotReady_Title, detail);
}
