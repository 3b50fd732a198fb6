using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Liaison.Domain;

/// <summary>Where a problem was raised.</summary>
public enum ProblemOrigin
{
    Visit,
    EngagementEvent,
    /// <summary>A blocker (堵点) of a task force's key project.</summary>
    KeyProject,
}

/// <summary>
/// A problem an enterprise raised to the department, on a visit or at an engagement event, or a blocker of a key
/// project, recorded on the enterprise's behalf by the cadre who heard it. The tickets service files it as a ticket
/// (channel visit, event or project) and the ticket's events bring its number and state back here, so the visit or the
/// project shows what became of it (事事有回音).
/// </summary>
public sealed class RaisedProblem : Aggregate
{
    private RaisedProblem() { }

    public Guid Id { get; private set; }
    public ProblemOrigin Origin { get; private set; }
    public Guid OriginId { get; private set; }
    /// <summary>The contact who raised it on a visit; at an event, the enterprise registered (it may be no contact).</summary>
    public Guid? ContactId { get; private set; }
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
    /// <summary>When its ticket was resolved (解决), as the ticket's event dated it; cleared if the ticket is reopened.</summary>
    public DateTimeOffset? SolvedAt { get; private set; }

    /// <summary>A problem an enterprise contact raised on <paramref name="visit"/>; <paramref name="contact"/> leads the enterprise.</summary>
    public static RaisedProblem OnVisit(
        Visit visit, UnitedFrontContact contact, string title, TicketCategory category, string description, Visitor raisedBy, DateTimeOffset now) =>
        Raised(ProblemOrigin.Visit, visit.Id, contact.Id, contact.EnterpriseName!, contact.EnterpriseCreditCode!, title, category, description, raisedBy, now);

    /// <summary>A problem the registered <paramref name="enterprise"/> raised at <paramref name="engagement"/>.</summary>
    public static RaisedProblem AtEvent(
        EngagementEvent engagement, EventRegistration enterprise, string title, TicketCategory category, string description, Visitor raisedBy, DateTimeOffset now) =>
        Raised(ProblemOrigin.EngagementEvent, engagement.Id, null, enterprise.OrganisationName, enterprise.CreditCode, title, category, description, raisedBy, now);

    /// <summary>A blocker of the key project <paramref name="project"/>, on behalf of the project's enterprise.</summary>
    public static RaisedProblem OnKeyProject(
        TaskForceWork project, string title, TicketCategory category, string description, Visitor raisedBy, DateTimeOffset now)
    {
        project.GuardTakesBlockers();
        return Raised(ProblemOrigin.KeyProject, project.Id, null, project.EnterpriseName!, project.EnterpriseCreditCode!, title, category, description, raisedBy, now);
    }

    private static RaisedProblem Raised(
        ProblemOrigin origin, Guid originId, Guid? contactId, string enterpriseName, string creditCode, string title, TicketCategory category,
        string description, Visitor raisedBy, DateTimeOffset now)
    {
        var problem = new RaisedProblem
        {
            Id = Guid.CreateVersion7(now), Origin = origin, OriginId = originId, ContactId = contactId, Title = title.Trim(),
            Category = category, Description = description.Trim(), EnterpriseName = enterpriseName, EnterpriseCreditCode = creditCode,
            RaisedById = raisedBy.PersonId, RaisedByName = raisedBy.Name, RaisedAt = now,
        };
        problem.Raise(new ProblemRaised
        {
            OccurredAt = now, ProblemId = problem.Id, Origin = origin.ToCode(), OriginId = originId, Title = problem.Title,
            Category = category.ToCode(), Description = problem.Description, ContactId = contactId, EnterpriseName = enterpriseName,
            EnterpriseCreditCode = creditCode, RaisedById = raisedBy.PersonId, RaisedByName = raisedBy.Name,
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
    public void TicketMoved(string state, DateTimeOffset at)
    {
        TicketState = state;
        if (state == ResolvedState && SolvedAt is null)
        {
            SolvedAt = at;
        }
        else if (state == ReopenedState)
        {
            SolvedAt = null;
        }
    }

    private const string ResolvedState = "resolved";
    private const string ReopenedState = "reopened";
}
