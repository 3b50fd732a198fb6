using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Features.Escalation;
using BrandPlatform.Tickets.Features.GetTicket;
using BrandPlatform.Tickets.Features.Queues;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Features.Routing;
using BrandPlatform.Tickets.Features.ReturnVisits;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.SubmitTicket;
using BrandPlatform.Tickets.Features.Synchronisation;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Features.Workflow;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Tickets.Features;

public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets");
        tickets.MapSubmitTicket();
        tickets.MapGetTicket();
        tickets.MapGetTimeline();
        tickets.MapGetAttachments();
        tickets.MapTicketWorkflow();
        tickets.MapSynchronisation();
        tickets.MapSupervisionOrders();
        tickets.MapTicketQueues();
        tickets.MapOfficeReviews();
        tickets.MapWebhooks();
        tickets.MapRequesters();
        tickets.MapChambers();
        tickets.MapHandlingUnits();
        tickets.MapTicketsAudit();
        return app;
    }
}

/// <summary>The scopes a caller's token must carry (granted by the identity service) and the roles people need.</summary>
public static class TicketAccess
{
    public const string ReadScope = "tickets.read";
    public const string WriteScope = "tickets.write";
    /// <summary>The handling steps (accept, assign, respond, resolve, ...): people in the loop, not requesters' systems.</summary>
    public const string HandleScope = "tickets.handle";

    /// <summary>Enterprises file their own problems; handlers and the office file on a requester's behalf.</summary>
    public static readonly string[] Submitters =
        [PlatformRoles.EnterpriseContact, PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Submitters, and the liaison leaders who receive escalations.</summary>
    public static readonly string[] Readers = [.. Submitters, PlatformRoles.LiaisonLeader];

    /// <summary>The committee's office accepts, rejects, assigns and reopens (受理、交办).</summary>
    public static readonly string[] Dispatchers = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Handlers of the assigned units work the ticket; the office may act for them.</summary>
    public static readonly string[] Handlers = [PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>The lead unit's (主办) handlers, the office and administrators take the lead unit's steps.</summary>
    public static bool MayLead(Caller caller, Ticket ticket) =>
        caller.IsSystem || caller.IsInAnyRole(Dispatchers) || ticket.LeadUnitId is { } lead && caller.UnitIds.Contains(lead);

    /// <summary>The requester confirms; the office records what the requester said on the phone.</summary>
    public static readonly string[] Requesters = [PlatformRoles.EnterpriseContact, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>
    /// Organisation scope as a query, one rule for single reads, steps and lists: an enterprise contact sees its own
    /// enterprise's tickets; a task-force handler those not yet assigned or assigned to one of their units (lead or
    /// co-handling); a government system those it filed; the office, leaders and administrators all.
    /// </summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Caller caller)
    {
        if (caller.IsSystem)
        {
            return caller.HasAnyScope([HandleScope]) ? tickets : tickets.Where(t => t.SubmittedBy == caller.Subject);
        }
        if (caller.IsInAnyRole([.. Dispatchers, PlatformRoles.LiaisonLeader]))
        {
            return tickets;
        }
        if (caller.Roles.Contains(PlatformRoles.EnterpriseContact))
        {
            var code = caller.EnterpriseCode ?? "";
            return tickets.Where(t => t.UnifiedSocialCreditCode == code);
        }
        var units = caller.UnitIds.ToArray();
        return tickets.Where(t => t.LeadUnitId == null || units.Contains(t.LeadUnitId.Value) || t.CoHandlingUnitIds.Any(u => units.Contains(u)));
    }

    /// <summary>Those whose organisation scope is their units (the last rule of <see cref="VisibleTo"/>): task-force handlers.</summary>
    public static bool IsUnitScoped(this Caller caller) =>
        !caller.IsSystem && !caller.IsInAnyRole([.. Dispatchers, PlatformRoles.LiaisonLeader, PlatformRoles.EnterpriseContact]);

    /// <summary>Tickets one of <paramref name="units"/> leads or co-handles (主办或协办).</summary>
    public static IQueryable<Ticket> HandledByAny(this IQueryable<Ticket> tickets, IEnumerable<Guid> units)
    {
        var ids = units.ToArray();
        return tickets.Where(t => (t.LeadUnitId != null && ids.Contains(t.LeadUnitId.Value)) || t.CoHandlingUnitIds.Any(u => ids.Contains(u)));
    }

    /// <summary>A ticket outside the caller's scope is answered as missing: its existence is not the caller's business.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: TicketApiTexts.TicketNotFound_Title, detail: TicketApiTexts.TicketNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>The caller as the timeline records them, in the role that admitted them to the step.</summary>
    public static TicketActor AsTicketActor(this Caller caller, IEnumerable<string> admittingRoles) => new(
        caller.Subject, caller.DisplayName,
        caller.IsSystem ? TicketActor.GovernmentSystemRole : admittingRoles.FirstOrDefault(caller.Roles.Contains),
        caller.UnitIds.Count > 0 ? caller.UnitIds.First() : null);
}
