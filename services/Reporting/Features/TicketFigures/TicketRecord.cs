namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>Reporting's own copy of what it needs about one ticket, built from the tickets service's events.</summary>
public sealed class TicketRecord
{
    private TicketRecord() { }

    public TicketRecord(Guid ticketId, string number, string category, DateTimeOffset submittedAt)
    {
        TicketId = ticketId;
        Number = number;
        Category = category;
        SubmittedAt = submittedAt;
    }

    public Guid TicketId { get; private set; }
    public string Number { get; private set; } = "";
    public string Category { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
}
