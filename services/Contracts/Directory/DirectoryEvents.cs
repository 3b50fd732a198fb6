namespace BrandPlatform.Contracts.Directory;

// The organisation directory (owned by the identity service) announces every change, so each service keeps the local
// copy it needs: study its branch rosters, tickets its handling units, reporting its coverage denominators.
// Unit kinds travel as camelCase codes: organCommittee, branch, partyGroup, leadershipTeam, centralStudyGroup,
// youthStudyGroup, taskForce, department. Two aggregates raise them, each numbering its own events: the unit
// (OrganisationUnitEvent) and the person with their memberships (PersonEvent); a projection of either consumes every
// event of that family, so that it sees each version.

/// <summary>An event of one organisation unit; <see cref="IntegrationEvent.AggregateId"/> is the unit.</summary>
public abstract record OrganisationUnitEvent : IntegrationEvent;

/// <summary>An event of one person or their memberships; <see cref="IntegrationEvent.AggregateId"/> is the person.</summary>
public abstract record PersonEvent : IntegrationEvent;

/// <summary>A unit was added to the directory (a branch, a party group, a task force, ...).</summary>
[EventName("directory.organisation-unit-created.v1")]
public sealed record OrganisationUnitCreated : OrganisationUnitEvent
{
    public required Guid UnitId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public Guid? ParentId { get; init; }
    public required DateOnly ValidFrom { get; init; }
}

/// <summary>
/// What a unit is as of its latest change, said again at every start of the directory so that services subscribing
/// later learn the units that existed before them (RabbitMQ drops events no queue was bound for yet).
/// </summary>
[EventName("directory.organisation-unit-announced.v1")]
public sealed record OrganisationUnitAnnounced : OrganisationUnitEvent, IAggregateSnapshot
{
    public required Guid UnitId { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public Guid? ParentId { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

/// <summary>A unit now sits under another parent (e.g. a party group moved to another branch).</summary>
[EventName("directory.organisation-unit-moved.v1")]
public sealed record OrganisationUnitMoved : OrganisationUnitEvent
{
    public required Guid UnitId { get; init; }
    public required string Kind { get; init; }
    public Guid? FromParentId { get; init; }
    public required Guid ToParentId { get; init; }
}

/// <summary>A unit stopped existing on a date; its history stays.</summary>
[EventName("directory.organisation-unit-deactivated.v1")]
public sealed record OrganisationUnitDeactivated : OrganisationUnitEvent
{
    public required Guid UnitId { get; init; }
    public required string Kind { get; init; }
    public required DateOnly ValidTo { get; init; }
}

/// <summary>A person was registered with their roles.</summary>
[EventName("directory.person-registered.v1")]
public sealed record PersonRegistered : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required string DisplayName { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    /// <summary>Set for people from other units, e.g. youth study group members from the federation of industry and commerce.</summary>
    public string? ExternalOrganisation { get; init; }
    /// <summary>Set for enterprise contacts: their enterprise's unified social credit code.</summary>
    public string? EnterpriseCode { get; init; }
}

/// <summary>A person's roles were changed by an administrator.</summary>
[EventName("directory.person-roles-changed.v1")]
public sealed record PersonRolesChanged : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
}

/// <summary>A person can no longer sign in; their memberships ended the same day, their history stays.</summary>
[EventName("directory.person-deactivated.v1")]
public sealed record PersonDeactivated : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required DateOnly On { get; init; }
}

/// <summary>A party member joined a branch (on registration or moving from another branch).</summary>
[EventName("directory.member-joined-branch.v1")]
public sealed record MemberJoinedBranch : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required Guid BranchId { get; init; }
    public required string DisplayName { get; init; }
    public required DateOnly On { get; init; }
}

/// <summary>A party member left a branch (moved, or deactivated).</summary>
[EventName("directory.member-left-branch.v1")]
public sealed record MemberLeftBranch : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required Guid BranchId { get; init; }
    public required DateOnly On { get; init; }
}

/// <summary>A person joined a unit other than a branch: a party group, a study group, a task force, a department.</summary>
[EventName("directory.member-joined-unit.v1")]
public sealed record MemberJoinedUnit : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitKind { get; init; }
    public required string DisplayName { get; init; }
    public required DateOnly On { get; init; }
}

/// <summary>A person left a unit other than a branch.</summary>
[EventName("directory.member-left-unit.v1")]
public sealed record MemberLeftUnit : PersonEvent
{
    public required Guid PersonId { get; init; }
    public required Guid UnitId { get; init; }
    public required string UnitKind { get; init; }
    public required DateOnly On { get; init; }
}
