namespace BrandPlatform.Contracts.Liaison;

// The united-front liaison service (统战联络) owns the organisations the department works with (民主党派 committees,
// chambers of commerce, 新阶层 associations, 工商联) and its contacts (代表人士, private entrepreneurs, new-social-class
// figures). Each organisation and each contact numbers its own events. Categories travel as camelCase codes. Events
// never carry a contact's personal data (phone numbers stay in liaison, read there and audited): a subscriber learns
// who the contact is, whom they belong to and which cadre is responsible, which is what audiences and figures need.

/// <summary>An event of one organisation, stating it as it now stands; <see cref="IntegrationEvent.AggregateId"/> is the organisation.</summary>
public abstract record OrganisationEvent : IntegrationEvent
{
    public Guid OrganisationId { get; init; }
    /// <summary>democraticParty, chamberOfCommerce, newSocialClassAssociation or federationOfIndustryAndCommerce.</summary>
    public string Category { get; init; } = "";
    public string Name { get; init; } = "";
}

[EventName("liaison.organisation-registered.v1")]
public sealed record OrganisationRegistered : OrganisationEvent;

/// <summary>The organisation was renamed or its description changed.</summary>
[EventName("liaison.organisation-updated.v1")]
public sealed record OrganisationUpdated : OrganisationEvent;

/// <summary>An event of one contact, stating the contact as it now stands; <see cref="IntegrationEvent.AggregateId"/> is the contact.</summary>
public abstract record ContactEvent : IntegrationEvent
{
    public Guid ContactId { get; init; }
    public string Name { get; init; } = "";
    /// <summary>representativeFigure, privateEntrepreneur or newSocialClassFigure.</summary>
    public string Category { get; init; } = "";
    public Guid? OrganisationId { get; init; }
    /// <summary>The enterprise the contact leads, by unified social credit code (tickets' requester profiles use the same code).</summary>
    public string? EnterpriseCreditCode { get; init; }
    public string? EnterpriseName { get; init; }
    /// <summary>The cadre (a person of the directory) responsible for keeping in touch with the contact.</summary>
    public Guid ResponsibleCadreId { get; init; }
}

[EventName("liaison.contact-registered.v1")]
public sealed record ContactRegistered : ContactEvent;

/// <summary>The contact's details or organisation changed.</summary>
[EventName("liaison.contact-updated.v1")]
public sealed record ContactUpdated : ContactEvent;

/// <summary>The office handed the contact to another cadre.</summary>
[EventName("liaison.contact-reassigned.v1")]
public sealed record ContactReassigned : ContactEvent
{
    public required Guid PreviousCadreId { get; init; }
}

/// <summary>An event of one visit; <see cref="IntegrationEvent.AggregateId"/> is the visit.</summary>
public abstract record VisitEvent : IntegrationEvent
{
    public Guid VisitId { get; init; }
    /// <summary>springFestivalVisit (新春走访慰问), fourVisitsToEnterprises (四访四通) or fieldVisit (脚底板工作法).</summary>
    public string Kind { get; init; } = "";
    public DateOnly VisitedOn { get; init; }
}

/// <summary>Cadres visited contacts and recorded what they found; problems raised on the visit are announced each on its own.</summary>
[EventName("liaison.visit-recorded.v1")]
public sealed record VisitRecorded : VisitEvent
{
    public IReadOnlyList<Guid> VisitorIds { get; init; } = [];
    public IReadOnlyList<Guid> ContactIds { get; init; } = [];
    /// <summary>The categories of the contacts met, one per contact in <see cref="ContactIds"/>' order: reach is counted per category.</summary>
    public IReadOnlyList<string> ContactCategories { get; init; } = [];
    public int ProblemCount { get; init; }
}

/// <summary>
/// An event of one problem an enterprise raised to the department (on a visit; later at an engagement event);
/// <see cref="IntegrationEvent.AggregateId"/> is the problem. The tickets service files each as a ticket on the
/// enterprise's behalf, with the problem as its external reference.
/// </summary>
public abstract record RaisedProblemEvent : IntegrationEvent
{
    /// <summary>The external source of the ticket filed for a problem; its external reference is the problem's id.</summary>
    public const string TicketSource = "liaison";

    public Guid ProblemId { get; init; }
    /// <summary>visit (later: engagementEvent).</summary>
    public string Origin { get; init; } = "";
    public Guid OriginId { get; init; }
}

[EventName("liaison.problem-raised.v1")]
public sealed record ProblemRaised : RaisedProblemEvent
{
    public required string Title { get; init; }
    /// <summary>A ticket category code (financing, land, approvals, labour, policy, relocation, project, other).</summary>
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required Guid ContactId { get; init; }
    public required string EnterpriseName { get; init; }
    public required string EnterpriseCreditCode { get; init; }
    /// <summary>The cadre who raised it on the enterprise's behalf.</summary>
    public required Guid RaisedById { get; init; }
    public required string RaisedByName { get; init; }
}
