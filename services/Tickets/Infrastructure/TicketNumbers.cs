using BrandPlatform.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Infrastructure;

public static class TicketNumbers
{
    /// <summary>The database function that gives out a year's numbers (created by the TicketNumberSequences migration).</summary>
    public const string Function = "next_ticket_number";

    /// <summary>
    /// Takes the next number of the year from that year's PostgreSQL sequence (<c>ticket_number_&lt;year&gt;</c>, made by
    /// the first submission of the year). A sequence holds no lock until commit, so submissions no longer queue behind one
    /// counter row; the price is that a submission rolled back after taking its number (a duplicate external reference, a
    /// crash) leaves a gap. Numbers stay unique and increase within a year in the order they were taken.
    /// </summary>
    public static async Task<TicketNumber> NextAsync(this TicketsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = TicketNumber.YearOf(now);
        var next = await db.Database
            .SqlQuery<long>($"""SELECT next_ticket_number({year}) AS "Value" """)
            .ToListAsync(cancellationToken);
        return TicketNumber.For(year, next.Single());
    }
}
