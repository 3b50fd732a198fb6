using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Materials;

/// <summary>
/// Who has studied a designated material, and the 第一议题 rule: the latest designated material studied by the
/// leadership meeting within the configured days. Lines are per unit (the leadership team, each active branch), never
/// per person.
/// </summary>
public static class FollowUp
{
    public sealed record UnitLine(
        Guid UnitId, string UnitName, string UnitKind, DateOnly Due, FollowUpStatus Status, Guid? ActivityId, DateOnly? StudiedOn);

    public sealed record UnitName(Guid UnitId, string Name);

    /// <param name="NotYetStudied">The units of <paramref name="Units"/> that have not studied the material (pending or overdue).</param>
    public sealed record FollowUpResponse(
        Guid MaterialId, string Title, DateTimeOffset DesignatedAt, DateOnly FirstAgendaItemDue, DateOnly BranchFollowUpDue,
        IReadOnlyList<UnitLine> Units, IReadOnlyList<UnitName> NotYetStudied);

    /// <param name="LeadershipMeetings">The leadership team's line (one per active leadership team).</param>
    public sealed record FirstAgendaItemResponse(
        Guid MaterialId, string Title, DateTimeOffset DesignatedAt, DateOnly Due, int Days, IReadOnlyList<UnitLine> LeadershipMeetings);

    public static RouteGroupBuilder MapMaterialFollowUp(this RouteGroupBuilder study)
    {
        study.MapGet("/materials/{id:guid}/follow-up", FollowUpAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .WithName("GetMaterialFollowUp")
            .WithSummary("学习跟进: for the leadership team and each active branch, studied / late / pending / overdue and the units not yet studied; a branch keeper sees their branch's line only");
        study.MapGet("/first-agenda-item", FirstAgendaItemAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("GetFirstAgendaItem")
            .WithSummary("第一议题: the latest designated material and whether the leadership meeting studied it in time; the office and the leadership team's members");
        return study;
    }

    internal static async Task<Results<Ok<FollowUpResponse>, ProblemHttpResult>> FollowUpAsync(
        Guid id, HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var material = await db.Materials.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (material is null)
        {
            return Materials.NotFound();
        }
        if (!material.IsDesignated)
        {
            return TypedResults.Problem(title: MaterialsTexts.MaterialNotDesignated_Title, detail: MaterialsTexts.MaterialNotDesignated_Detail,
                statusCode: StatusCodes.Status409Conflict);
        }
        var caller = context.Caller();
        var units = db.Units.AsNoTracking().Where(u => u.ValidTo == null && (u.Kind == UnitKinds.LeadershipTeam || u.Kind == UnitKinds.Branch));
        if (!caller.IsOffice())
        {
            // A branch keeper (the endpoint admits no one else) sees their own branch's line only.
            var own = caller.BranchId;
            units = units.Where(u => u.Id == own);
        }
        var lines = await LinesAsync(db, material, await units.ToListAsync(cancellationToken), timeProvider.Today(), cancellationToken);
        return TypedResults.Ok(new FollowUpResponse(material.Id, material.Title, material.DesignatedAt!.Value, material.FirstAgendaItemDue!.Value,
            material.BranchFollowUpDue!.Value, lines,
            [.. lines.Where(l => l.ActivityId is null).Select(l => new UnitName(l.UnitId, l.UnitName))]));
    }

    internal static async Task<Results<Ok<FirstAgendaItemResponse>, ProblemHttpResult>> FirstAgendaItemAsync(
        HttpContext context, StudyDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var leadershipTeams = await db.Units.AsNoTracking().Where(u => u.ValidTo == null && u.Kind == UnitKinds.LeadershipTeam).ToListAsync(cancellationToken);
        if (!caller.IsOffice() && !leadershipTeams.Any(team => caller.UnitIds.Contains(team.Id)))
        {
            return TypedResults.Problem(title: MaterialsTexts.LeadersOnly_Title, detail: MaterialsTexts.LeadersOnly_Detail,
                statusCode: StatusCodes.Status403Forbidden);
        }
        var material = await db.Materials.AsNoTracking().Where(m => m.DesignatedAt != null)
            .OrderByDescending(m => m.DesignatedAt).ThenByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken);
        if (material is null)
        {
            return TypedResults.Problem(title: MaterialsTexts.NoDesignatedMaterial_Title, detail: MaterialsTexts.NoDesignatedMaterial_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        var due = material.FirstAgendaItemDue!.Value;
        var lines = await LinesAsync(db, material, leadershipTeams, timeProvider.Today(), cancellationToken);
        return TypedResults.Ok(new FirstAgendaItemResponse(material.Id, material.Title, material.DesignatedAt!.Value, due,
            due.DayNumber - ChinaCalendar.DateOf(material.DesignatedAt!.Value).DayNumber, lines));
    }

    /// <summary>Each unit's line, from the held activities that studied the material since its designation.</summary>
    private static async Task<IReadOnlyList<UnitLine>> LinesAsync(
        StudyDbContext db, StudyMaterial material, IReadOnlyList<DirectoryUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var designatedAt = material.DesignatedAt!.Value;
        var held = await db.Activities.AsNoTracking()
            .Where(a => a.State == ActivityState.Held && a.MaterialIds.Contains(material.Id) && a.HeldAt >= designatedAt)
            .Select(a => new HeldStudy(a.Id, a.Kind, a.OrganiserUnitId, a.BranchId, a.HeldAt!.Value))
            .ToListAsync(cancellationToken);
        return
        [
            .. units.Where(MaterialFollowUp.Follows)
                .OrderBy(u => u.Kind != UnitKinds.LeadershipTeam).ThenBy(u => u.Name, StringComparer.Ordinal)
                .Select(unit => (unit, line: MaterialFollowUp.LineOf(material, unit, held, today)))
                .Select(x => new UnitLine(x.unit.Id, x.unit.Name, x.unit.Kind, x.line.Due, x.line.Status, x.line.ActivityId, x.line.StudiedOn)),
        ];
    }
}
