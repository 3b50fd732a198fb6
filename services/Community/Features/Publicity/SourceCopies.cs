using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>A study activity as publicity knows it: what a branch may write up once it was held.</summary>
public sealed class HeldActivity
{
    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid OrganiserUnitId { get; set; }
    public string Topic { get; set; } = "";
    public string State { get; set; } = "";
    public DateTimeOffset? HeldAt { get; set; }
    public int DurationMinutes { get; set; }
    public int Attendees { get; set; }
}

/// <summary>A ticket as publicity knows it: a resolved one whose enterprise said it was satisfied may be written up.</summary>
public sealed class SolvedTicket
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string Category { get; set; } = "";
    public string RequesterName { get; set; } = "";
    public Guid? LeadUnitId { get; set; }
    public string State { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? Satisfaction { get; set; }
}

/// <summary>Study's activities, from every activity event in the activity's order (queue community-study-activities).</summary>
[ProjectionName("study-activities")]
public sealed class StudyActivitiesCopy(CommunityDbContext db, TimeProvider timeProvider, ILogger<StudyActivitiesCopy> logger)
    : VersionedProjection<StudyActivityEvent, CommunityDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(StudyActivityEvent integrationEvent, CancellationToken cancellationToken)
    {
        var activity = await Db.HeldActivities.FindAsync([integrationEvent.ActivityId], cancellationToken);
        if (activity is null)
        {
            activity = new HeldActivity { Id = integrationEvent.ActivityId };
            Db.HeldActivities.Add(activity);
        }
        activity.Kind = integrationEvent.Kind;
        activity.OrganiserUnitId = integrationEvent.OrganiserUnitId;
        activity.Topic = integrationEvent.Topic;
        activity.State = integrationEvent.State;
        if (integrationEvent is StudyActivityRecordEvent record)
        {
            activity.HeldAt = record.HeldAt;
            activity.DurationMinutes = record.DurationMinutes;
            activity.Attendees = record.AttendeeIds.Count + record.ExternalAttendees;
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.HeldActivities.ExecuteDeleteAsync(cancellationToken);
}

/// <summary>The tickets, from every ticket event in the ticket's order (queue community-ticket-copies).</summary>
[ProjectionName("ticket-copies")]
public sealed class TicketCopies(CommunityDbContext db, TimeProvider timeProvider, ILogger<TicketCopies> logger)
    : VersionedProjection<TicketEvent, CommunityDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(TicketEvent integrationEvent, CancellationToken cancellationToken)
    {
        var ticket = await Db.SolvedTickets.FindAsync([integrationEvent.TicketId], cancellationToken);
        if (ticket is null)
        {
            ticket = new SolvedTicket { Id = integrationEvent.TicketId };
            Db.SolvedTickets.Add(ticket);
        }
        ticket.Number = integrationEvent.Number;
        ticket.Category = integrationEvent.Category;
        ticket.LeadUnitId = integrationEvent.LeadUnitId;
        ticket.State = integrationEvent.State;
        ticket.SubmittedAt = integrationEvent.SubmittedAt;
        switch (integrationEvent)
        {
            case TicketSubmitted submitted:
                ticket.RequesterName = submitted.RequesterName;
                break;
            case TicketResolved resolved:
                ticket.ResolvedAt = resolved.ResolvedAt;
                break;
            case TicketConfirmed confirmed:
                ticket.Satisfaction = confirmed.Satisfaction;
                break;
            case TicketReturnVisited { Satisfaction: { } satisfaction }:
                ticket.Satisfaction = satisfaction;
                break;
            case TicketReopened:
                ticket.ResolvedAt = null;
                ticket.Satisfaction = null;
                break;
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.SolvedTickets.ExecuteDeleteAsync(cancellationToken);
}
