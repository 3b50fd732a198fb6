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
