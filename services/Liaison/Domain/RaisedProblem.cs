using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Liaison.Domain;

/// <summary>Where a problem was raised.</summary>
public enum ProblemOrigin
{
    Visit,
}

/// <summary>
/// A problem an enterprise raised to the department, on the enterprise's behalf by the cadre who heard it. The tickets
/// service files it as a ticket (channel visit) and the ticket's events bring its number and state back here, so the
/// visit shows what became of what it heard (事事有回音).
/// </summary>
public sealed class RaisedProblem : Aggregate
{
    private RaisedProblem() { }

    public Guid Id { get; private set; }
    public ProblemOrigin Origin { get; private set; }
    public Guid OriginId { get; private set; }
    public Guid ContactId { get; private set; }
    public string Title { get; private set; } = "";
    public TicketCategory Category { get; private set; }
    public string Description { get; private set; } = "";
    public string EnterpriseName { get; private set; } = "";
    public string EnterpriseCreditCode { get; private set; } = "";
    public Guid RaisedById { get; private set; }
    public string RaisedByName { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    /// <summary>The ticket filed for it, once the tickets service announced it.</summary>
    public Guid? TicketId { get; private set; }
    public string? TicketNumber { get; private set; }
    /// <summary>The ticket's state code as its latest event gave it (submitted, accepted, ..., closed).</summary>
    public string? TicketState { get; private set; }

    /// <summary>A problem an enterprise contact raised on <paramref name="visit"/>; <paramref name="contact"/> leads the enterprise.</summary>
    public static RaisedProblem OnVisit(
        Visit visit, UnitedFrontContact contact, string title, TicketCategory category, string description, Visitor raisedBy, DateTimeOffset now)
    {
        var problem = new RaisedProblem
        {
            Id = Guid.CreateVersion7(now), Origin = ProblemOrigin.Visit, OriginId = visit.Id, ContactId = contact.Id, Title = title.Trim(),
            Category = category, Description = description.Trim(), EnterpriseName = contact.EnterpriseName!, EnterpriseCreditCode = contact.EnterpriseCreditCode!,
            RaisedById = raisedBy.PersonId, RaisedByName = raisedBy.Name, RaisedAt = now,
        };
        problem.Raise(new ProblemRaised
        {
            OccurredAt = now, ProblemId = problem.Id, Origin = problem.Origin.ToCode(), OriginId = visit.Id, Title = problem.Title,
            Category = category.ToCode(), Description = problem.Description, ContactId = contact.Id, EnterpriseName = problem.EnterpriseName,
            EnterpriseCreditCode = problem.EnterpriseCreditCode, RaisedById = raisedBy.PersonId, RaisedByName = raisedBy.Name,
        });
        return problem;
    }

    /// <summary>The tickets service filed the ticket for this problem.</summary>
    public void Filed(Guid ticketId, string number, string state)
    {
        TicketId = ticketId;
        TicketNumber = number;
        TicketState = state;
    }

    /// <summary>The ticket moved on (its events are applied in order, so this is its state now).</summary>
    public void TicketMoved(string state) => TicketState = state;
}
