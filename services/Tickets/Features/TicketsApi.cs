using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Features.GetTicket;
using BrandPlatform.Tickets.Features.SubmitTicket;

namespace BrandPlatform.Tickets.Features;

public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets");
        tickets.MapSubmitTicket();
        tickets.MapGetTicket();
        return app;
    }
}

/// <summary>The scopes a caller's token must carry (granted by the identity service) and the roles people need.</summary>
public static class TicketAccess
{
    public const string ReadScope = "tickets.read";
    public const string WriteScope = "tickets.write";

    /// <summary>Enterprises file their own problems; handlers and the office file on a requester's behalf.</summary>
    public static readonly string[] Submitters =
        [PlatformRoles.EnterpriseContact, PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Submitters, and the liaison leaders who receive escalations.</summary>
    public static readonly string[] Readers = [.. Submitters, PlatformRoles.LiaisonLeader];
}
