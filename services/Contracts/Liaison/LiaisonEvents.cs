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

/// <summary>
/// The organisation as it stands, said again unchanged (a snapshot at its latest version) for a copy that may never have
/// seen it: the answer to a chamber the tickets service hands over under a name liaison already has.
/// </summary>
[EventName("liaison.organisation-stated.v1")]
public sealed record OrganisationStated : OrganisationEvent, IAggregateSnapshot;

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
/// An event of one problem an enterprise raised to the department (on a visit or at an engagement event);
/// <see cref="IntegrationEvent.AggregateId"/> is the problem. The tickets service files each as a ticket on the
/// enterprise's behalf, with the problem as its external reference.
/// </summary>
public abstract record RaisedProblemEvent : IntegrationEvent
{
    /// <summary>The external source of the ticket filed for a problem; its external reference is the problem's id.</summary>
    public const string TicketSource = "liaison";
    public const string VisitOrigin = "visit";
    public const string EngagementEventOrigin = "engagementEvent";
    /// <summary>A blocker of a task force's key project (堵点), filed as a ticket with channel project.</summary>
    public const string KeyProjectOrigin = "keyProject";

    public Guid ProblemId { get; init; }
    /// <summary>visit, engagementEvent or keyProject; <see cref="OriginId"/> is the visit, the event or the key project.</summary>
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
    /// <summary>The contact who raised it on a visit; none at an event, where the enterprise registered need not be a contact.</summary>
    public Guid? ContactId { get; init; }
    public required string EnterpriseName { get; init; }
    public required string EnterpriseCreditCode { get; init; }
    /// <summary>The cadre who raised it on the enterprise's behalf.</summary>
    public required Guid RaisedById { get; init; }
    public required string RaisedByName { get; init; }
}

/// <summary>
/// An event of one engagement event (企业家日, 银企对接会, 商会大讲坛), stating it as it now stands;
/// <see cref="IntegrationEvent.AggregateId"/> is the engagement event.
/// </summary>
public abstract record EngagementEventEvent : IntegrationEvent
{
    public Guid EngagementEventId { get; init; }
    /// <summary>entrepreneursDay, bankEnterpriseMatching or chamberLectureHall.</summary>
    public string Series { get; init; } = "";
    public string Title { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>announced, held or cancelled.</summary>
    public string State { get; init; } = "";
    /// <summary>The leaders expected or, once held, those who came.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];
}

[EventName("liaison.engagement-event-announced.v1")]
public sealed record EngagementEventAnnounced : EngagementEventEvent;

/// <summary>The office corrected the title, time, place, leaders or description before the event.</summary>
[EventName("liaison.engagement-event-revised.v1")]
public sealed record EngagementEventRevised : EngagementEventEvent;

[EventName("liaison.engagement-event-cancelled.v1")]
public sealed record EngagementEventCancelled : EngagementEventEvent;

/// <summary>The event took place: how many had registered and who attended (enterprises by credit code).</summary>
[EventName("liaison.engagement-event-held.v1")]
public sealed record EngagementEventHeld : EngagementEventEvent
{
    public int Registered { get; init; }
    public int AttendedEnterprises { get; init; }
    public int AttendedBanks { get; init; }
    public IReadOnlyList<string> AttendedCreditCodes { get; init; } = [];
}

/// <summary>What came of the event for one enterprise that attended.</summary>
[EventName("liaison.engagement-outcome-recorded.v1")]
public sealed record EngagementOutcomeRecorded : EngagementEventEvent
{
    public Guid OutcomeId { get; init; }
    /// <summary>financingMatched, problemRaised or other.</summary>
    public string OutcomeKind { get; init; } = "";
    public string EnterpriseCreditCode { get; init; } = "";
    public string EnterpriseName { get; init; } = "";
    /// <summary>The bank a financing need was matched with.</summary>
    public string? BankName { get; init; }
    /// <summary>The amount matched, in 万元.</summary>
    public decimal? AmountInTenThousandYuan { get; init; }
    /// <summary>The problem raised (its own ProblemRaised follows), for problemRaised outcomes.</summary>
    public Guid? ProblemId { get; init; }
}

/// <summary>An event of one 联谊交友 pair of a cadre and a contact; <see cref="IntegrationEvent.AggregateId"/> is the pair.</summary>
public abstract record FriendshipEvent : IntegrationEvent
{
    public Guid PairId { get; init; }
    /// <summary>The cadre (a person of the directory).</summary>
    public Guid CadreId { get; init; }
    public Guid ContactId { get; init; }
    public DateOnly FormedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
}

/// <summary>The office paired a cadre with a contact to keep in touch (联谊交友).</summary>
[EventName("liaison.friendship-pair-formed.v1")]
public sealed record FriendshipPairFormed : FriendshipEvent
{
    /// <summary>representativeFigure, privateEntrepreneur or newSocialClassFigure.</summary>
    public string ContactCategory { get; init; } = "";
}

[EventName("liaison.friendship-pair-ended.v1")]
public sealed record FriendshipPairEnded : FriendshipEvent;

/// <summary>
/// An event of one policy of the 政策库, stating it as it now stands (not its full text, read from liaison);
/// <see cref="IntegrationEvent.AggregateId"/> is the policy. The tickets service keeps a copy to check and show the
/// policies a ticket's answer cites.
/// </summary>
public abstract record PolicyEvent : IntegrationEvent
{
    public Guid PolicyId { get; init; }
    public string Title { get; init; } = "";
    public string Issuer { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public string Region { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>False once withdrawn: no longer cited.</summary>
    public bool InForce { get; init; }
}

[EventName("liaison.policy-published.v1")]
public sealed record PolicyPublished : PolicyEvent;

[EventName("liaison.policy-revised.v1")]
public sealed record PolicyRevised : PolicyEvent;

[EventName("liaison.policy-withdrawn.v1")]
public sealed record PolicyWithdrawn : PolicyEvent;

/// <summary>
/// An event of one piece of a task force's work (a key project, an investment lead or a relocation case), stating it as
/// it now stands; <see cref="IntegrationEvent.AggregateId"/> is the piece of work.
/// </summary>
public abstract record TaskForceWorkEvent : IntegrationEvent
{
    public Guid WorkId { get; init; }
    /// <summary>keyProject, investmentLead or relocationCase.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The task force (a unit of the directory) that owns the work.</summary>
    public Guid TaskForceId { get; init; }
    public string Name { get; init; } = "";
    /// <summary>The stage code it reached (planning ... inOperation; contacted ... landed or dropped; surveying ... cleared).</summary>
    public string Stage { get; init; } = "";
    /// <summary>The day the stage was reached (China date).</summary>
    public DateOnly StageReachedOn { get; init; }
    /// <summary>A key project's investment or an investment lead's intended investment, in 万元.</summary>
    public decimal? AmountInTenThousandYuan { get; init; }
    /// <summary>A relocation case: households and enterprises to relocate, and how many agreements are signed.</summary>
    public int? Households { get; init; }
    public int? AgreementsSigned { get; init; }
}

/// <summary>A task force took on a key project, an investment lead or a relocation case.</summary>
[EventName("liaison.task-force-work-registered.v1")]
public sealed record TaskForceWorkRegistered : TaskForceWorkEvent;

/// <summary>The work reached a further stage (or, for a relocation case, more agreements were signed).</summary>
[EventName("liaison.task-force-work-progressed.v1")]
public sealed record TaskForceWorkProgressed : TaskForceWorkEvent
{
    public string FromStage { get; init; } = "";
}
