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

/// <summary>The scopes a caller's token must carry (granted by the identity service).</summary>
public static class TicketScopes
{
    public const string Read = "tickets.read";
    public const string Write = "tickets.write";
}
