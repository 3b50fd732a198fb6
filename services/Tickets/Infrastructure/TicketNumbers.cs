using BrandPlatform.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Infrastructure;

public static class TicketNumbers
{
    /// <summary>
    /// Takes the next number of the year inside the caller's transaction: the counter row stays locked until commit,
    /// and a rolled-back submission gives its number back, so the register has no gaps.
    /// </summary>
    public static async Task<TicketNumber> NextAsync(this TicketsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = TicketNumber.YearOf(now);
        var next = await db.Database
            .SqlQuery<long>($"""
                INSERT INTO ticket_number_sequences (year, last_value) VALUES ({year}, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = ticket_number_sequences.last_value + 1
                RETURNING last_value AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return TicketNumber.For(year, next.Single());
    }
}
