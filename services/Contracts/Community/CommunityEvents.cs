namespace BrandPlatform.Contracts.Community;

// The community service (社区工作与宣传) announces members' registrations with their home communities (在职党员到社区报到),
// the quarter's service theme (一季一主题), the services branches and members recorded, the organ's practical matters for
// citizens (我为群众办实事), residents' problems raised during a service, and what publicity published. Codes travel in
// camelCase. Each aggregate numbers its own events.

/// <summary>
/// An event of one member's registration with a community for a year; <see cref="IntegrationEvent.AggregateId"/> is the
/// registration. A member registers once a year (moving house ends the old one and starts another).
/// </summary>
public abstract record MemberRegistrationEvent : IntegrationEvent
{
    public Guid RegistrationId { get; init; }
    public Guid PersonId { get; init; }
    /// <summary>The member's branch when they registered.</summary>
    public Guid BranchId { get; init; }
    public Guid CommunityId { get; init; }
    public string CommunityName { get; init; } = "";
    public int Year { get; init; }
    /// <summary>A China date.</summary>
    public DateOnly RegisteredOn { get; init; }
    /// <summary>pending (waiting for the community's or the branch's confirmation), confirmed or ended.</summary>
    public string State { get; init; } = "";
}

[EventName("community.member-registered.v1")]
public sealed record MemberRegisteredWithCommunity : MemberRegistrationEvent;

/// <summary>The community's contact or the branch confirmed the member reported there.</summary>
[EventName("community.registration-confirmed.v1")]
public sealed record MemberRegistrationConfirmed : MemberRegistrationEvent
{
    /// <summary>communityContact or branch.</summary>
    public required string ConfirmedBy { get; init; }
    public required DateOnly ConfirmedOn { get; init; }
}

/// <summary>The member moved or registered by mistake: the registration no longer counts.</summary>
[EventName("community.registration-ended.v1")]
public sealed record MemberRegistrationEnded : MemberRegistrationEvent;

/// <summary>An event of one quarter's service theme; <see cref="IntegrationEvent.AggregateId"/> is the theme.</summary>
public abstract record ServiceThemeEvent : IntegrationEvent
{
    public Guid ThemeId { get; init; }
    public int Year { get; init; }
    public int Quarter { get; init; }
    public string Title { get; init; } = "";
    /// <summary>How many services under the theme each branch holds in the quarter at least.</summary>
    public int ServicesPerBranch { get; init; }
}

/// <summary>The office set the quarter's theme (一季一主题).</summary>
[EventName("community.service-theme-set.v1")]
public sealed record ServiceThemeSet : ServiceThemeEvent;

/// <summary>The office reworded the theme or changed the number each branch holds.</summary>
[EventName("community.service-theme-revised.v1")]
public sealed record ServiceThemeRevised : ServiceThemeEvent;

/// <summary>An event of one community service (志愿服务) a branch held; <see cref="IntegrationEvent.AggregateId"/> is the service.</summary>
public abstract record CommunityServiceEvent : IntegrationEvent
{
    public Guid ServiceId { get; init; }
    public Guid BranchId { get; init; }
    public Guid CommunityId { get; init; }
    public string CommunityName { get; init; } = "";
    /// <summary>The quarter's theme the service was held under; none for a service outside the theme.</summary>
    public Guid? ThemeId { get; init; }
    /// <summary>A China date; its quarter is the service's quarter.</summary>
    public DateOnly On { get; init; }
    /// <summary>The members who served.</summary>
    public IReadOnlyList<Guid> ParticipantIds { get; init; } = [];
    public int PeopleServed { get; init; }
    /// <summary>Hours kept for the record, never ranked.</summary>
    public decimal? Hours { get; init; }
    public string Summary { get; init; } = "";
}

[EventName("community.service-recorded.v1")]
public sealed record CommunityServiceRecorded : CommunityServiceEvent;

/// <summary>
/// An event of one practical matter for citizens (我为群众办实事) the organ committed to for a year;
/// <see cref="IntegrationEvent.AggregateId"/> is the matter. Reporting puts each on the supervision list as a task whose
/// id is the matter's, so the matter follows the task's events.
/// </summary>
public abstract record PracticalMatterEvent : IntegrationEvent
{
    /// <summary>The supervision task's source for a practical matter.</summary>
    public const string SupervisionSource = "practicalMatter";

    public Guid MatterId { get; init; }
    public int Year { get; init; }
    public string Title { get; init; } = "";
    public Guid OwnerUnitId { get; init; }
    public Guid OwnerPersonId { get; init; }
    /// <summary>A China date.</summary>
    public DateOnly Deadline { get; init; }
    /// <summary>Who benefits (e.g. 辖区老年居民), in words.</summary>
    public string Beneficiaries { get; init; } = "";
    /// <summary>committed, completed or cancelled.</summary>
    public string State { get; init; } = "";
}

[EventName("community.practical-matter-committed.v1")]
public sealed record PracticalMatterCommitted : PracticalMatterEvent
{
    public required string Description { get; init; }
    /// <summary>weekly, fortnightly or monthly: how often the owner reports on the supervision task.</summary>
    public required string FeedbackCadence { get; init; }
    public IReadOnlyList<DateOnly> MilestoneDues { get; init; } = [];
}

/// <summary>The supervision task was closed: the matter is done.</summary>
[EventName("community.practical-matter-completed.v1")]
public sealed record PracticalMatterCompleted : PracticalMatterEvent
{
    public required DateOnly CompletedOn { get; init; }
}

/// <summary>
/// A resident's problem (急难愁盼) a member met during a community service; <see cref="IntegrationEvent.AggregateId"/> is
/// the problem. The tickets service files it as a ticket for the named resident (a requester without a credit code),
/// with the problem as its external reference.
/// </summary>
public abstract record ResidentProblemEvent : IntegrationEvent
{
    /// <summary>The external source of the ticket filed for a problem; its external reference is the problem's id.</summary>
    public const string TicketSource = "community";

    public Guid ProblemId { get; init; }
    public Guid ServiceId { get; init; }
}

[EventName("community.resident-problem-raised.v1")]
public sealed record ResidentProblemRaised : ResidentProblemEvent
{
    public required string Title { get; init; }
    /// <summary>A 民生 ticket category code (housing, elderlyCare, environment, transport, employment, socialSecurity, publicSafety).</summary>
    public required string Category { get; init; }
    public required string Description { get; init; }
    public required string ResidentName { get; init; }
    /// <summary>The resident's phone, for the handler's call back; never shown in lists.</summary>
    public required string ResidentPhone { get; init; }
    public required Guid CommunityId { get; init; }
    public required string CommunityName { get; init; }
    /// <summary>The member who raised it on the resident's behalf.</summary>
    public required Guid RaisedById { get; init; }
    public required string RaisedByName { get; init; }
}

/// <summary>An event of one publicity item (宣传稿件); <see cref="IntegrationEvent.AggregateId"/> is the item.</summary>
public abstract record PublicityItemEvent : IntegrationEvent
{
    public Guid ItemId { get; init; }
    /// <summary>news, highlight or goodPractice.</summary>
    public string Kind { get; init; } = "";
    public Guid BranchId { get; init; }
    public string Title { get; init; } = "";
    /// <summary>What happened that the item tells of: studyActivity, communityService, ticket, practicalMatter, or none.</summary>
    public string? SourceKind { get; init; }
    public Guid? SourceId { get; init; }
    /// <summary>When what it tells of happened: the publication lag runs from here.</summary>
    public DateTimeOffset? SourceOccurredAt { get; init; }
    /// <summary>draft, inReview, returned, published or withdrawn.</summary>
    public string State { get; init; } = "";
}

[EventName("community.publicity-item-drafted.v1")]
public sealed record PublicityItemDrafted : PublicityItemEvent;

[EventName("community.publicity-item-submitted.v1")]
public sealed record PublicityItemSubmitted : PublicityItemEvent;

/// <summary>The office sent the item back with its comments.</summary>
[EventName("community.publicity-item-returned.v1")]
public sealed record PublicityItemReturned : PublicityItemEvent;

/// <summary>The office approved the item: it is on 同心网, ready for the WeChat account and on the bulletin board.</summary>
[EventName("community.publicity-item-published.v1")]
public sealed record PublicityItemPublished : PublicityItemEvent
{
    public required DateTimeOffset PublishedAt { get; init; }
    public required string Summary { get; init; }
}

/// <summary>The office took a published item down.</summary>
[EventName("community.publicity-item-withdrawn.v1")]
public sealed record PublicityItemWithdrawn : PublicityItemEvent;

/// <summary>
/// The office selected a published good practice (好经验好做法) as one of the year's highlights: reporting adds it to the
/// branch's brand in the registry, selected.
/// </summary>
[EventName("community.good-practice-highlighted.v1")]
public sealed record GoodPracticeHighlighted : PublicityItemEvent
{
    public required int Year { get; init; }
    public required string Summary { get; init; }
}
