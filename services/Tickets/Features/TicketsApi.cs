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
