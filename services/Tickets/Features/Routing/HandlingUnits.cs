using BrandPlatform.Platform.Programme;
using System.Globalization;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static BrandPlatform.Tickets.Resources.Texts;

namespace BrandPlatform.Tickets.Features.Routing;

/// <summary>
/// The units that handle tickets — task forces (招商, 征迁, 项目 专班) and departments, as the directory announces them —
/// and the routing table (归口): the unit each category goes to when the office assigns without naming one.
/// </summary>
public static class HandlingUnits
{
    public static readonly string[] HandlingKinds = [UnitKinds.TaskForce, UnitKinds.Department];

    public sealed record UnitResponse(Guid Id, string Kind, string Name);

    public sealed record RouteResponse(TicketCategory Category, Guid UnitId, string UnitName);

    public sealed record RouteRequest(Guid? UnitId);

    public sealed class RouteValidator : AbstractValidator<RouteRequest>
    {
        public RouteValidator() => RuleFor(r => r.UnitId).NotEmpty();
    }

    public static RouteGroupBuilder MapHandlingUnits(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/units", UnitsAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], TicketAccess.Readers)
            .WithName("ListHandlingUnits")
            .WithSummary("The active task forces and departments a ticket can be assigned to, by name; follow 'next'");
        tickets.MapGet("/routing", async (TicketsDbContext db, CancellationToken cancellationToken) => TypedResults.Ok(
                await (from rule in db.RoutingRules join unit in db.Units on rule.UnitId equals unit.Id orderby rule.Category
                       select new RouteResponse(rule.Category, unit.Id, unit.Name)).ToListAsync(cancellationToken)))
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], TicketAccess.Readers)
            .WithName("GetRoutingTable")
            .WithSummary("归口: the default lead unit of each category");
        tickets.MapPut("/routing/{category}", RouteAsync)
            .Validate<RouteRequest>()
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("SetRoute")
            .WithSummary("Route a category (financing, land, approvals, labour, policy, relocation, project, other; 民生: housing, elderlyCare, " +
                "environment, transport, employment, socialSecurity, publicSafety) to a handling unit");
        return tickets;
    }

    internal static async Task<Results<Ok<Page<UnitResponse>>, ValidationProblem>> UnitsAsync(
        string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<string, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var page = await db.Units.AsNoTracking().Where(u => HandlingKinds.Contains(u.Kind) && u.ValidTo == null)
            .PageAsync(paging, u => u.Name, u => u.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(u => new UnitResponse(u.Id, u.Kind, u.Name)));
    }

    internal static async Task<Results<Ok<RouteResponse>, ValidationProblem, ProblemHttpResult>> RouteAsync(
        string category, RouteRequest request, TicketsDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TicketCategory>(category, ignoreCase: true, out var parsed) || int.TryParse(category, out _))
        {
            return FieldProblems.Invalid("category", string.Format(CultureInfo.CurrentCulture, TicketApiTexts.CategoryUnsupported, category));
        }
        var unit = await HandlingUnitAsync(db, request.UnitId!.Value, "unitId", cancellationToken);
        var rule = await db.RoutingRules.FindAsync([parsed], cancellationToken);
        if (rule is null)
        {
            db.RoutingRules.Add(new RoutingRule(parsed, unit.Id));
        }
        else
        {
            rule.RouteTo(unit.Id);
        }
        audit.Record(TicketsAudit.RouteSet, true, parsed.ToCode(), $"{parsed.ToCode()} → {unit.Name} {unit.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RouteResponse(parsed, unit.Id, unit.Name));
    }

    /// <summary>
    /// The lead and co-handling units of an assignment: each an active task force or department (422 otherwise); without
    /// a lead unit the category's default from the routing table (422 when the category has none).
    /// </summary>
    public static async Task<(Guid Lead, Guid[] CoHandling)> ResolveAsync(
        TicketsDbContext db, TicketCategory category, Guid? leadUnitId, IReadOnlyCollection<Guid> coHandlingUnitIds, CancellationToken cancellationToken)
    {
        var lead = leadUnitId
            ?? (await db.RoutingRules.AsNoTracking().SingleOrDefaultAsync(r => r.Category == category, cancellationToken))?.UnitId
            ?? throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.LeadUnitRequired_Title)), Text(nameof(TicketTexts.LeadUnitRequired_Detail), category));
        await HandlingUnitAsync(db, lead, "leadUnitId", cancellationToken);
        foreach (var unit in coHandlingUnitIds)
        {
            await HandlingUnitAsync(db, unit, "coHandlingUnitIds", cancellationToken);
        }
        return (lead, [.. coHandlingUnitIds]);
    }

    /// <summary>An active task force or department; a unit the directory knows otherwise is named in the refusal.</summary>
    private static async Task<DirectoryUnit> HandlingUnitAsync(TicketsDbContext db, Guid id, string field, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && HandlingKinds.Contains(u.Kind) && u.ValidTo == null, cancellationToken)
        ?? throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.HandlingUnitUnknown_Title)),
            await db.Units.AnyAsync(u => u.Id == id, cancellationToken)
                ? Text(nameof(TicketTexts.HandlingUnitInactive_Detail), field, new UnitReference(id))
                : Text(nameof(TicketTexts.HandlingUnitUnknown_Detail), field));
}

/// <summary>The task forces and departments tickets are assigned to, copied from the directory (queue tickets-directory-units).</summary>
public sealed class DirectoryUnitsCopy(TicketsDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<TicketsDbContext>(db, timeProvider, logger);
