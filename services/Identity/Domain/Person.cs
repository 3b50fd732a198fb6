using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Domain;
using Microsoft.AspNetCore.Identity;

namespace BrandPlatform.Identity.Domain;

/// <summary>
/// Someone in the directory, with their sign-in account (ASP.NET Core Identity stores the password, lockout and roles).
/// People with history are never deleted: deactivation ends their memberships and their sign-in, nothing else.
/// </summary>
public sealed class Person : IdentityUser<Guid>, IEventSource
{
    public const int DisplayNameMaxLength = 50;
    public const int OrganisationMaxLength = 100;

    private readonly List<UnitMembership> memberships = [];

    private Person() { }

    public string DisplayName { get; private set; } = "";
    /// <summary>For members of the youth study group from other units (e.g. 市工商联).</summary>
    public string? ExternalOrganisation { get; private set; }
    public string? EnterpriseCode { get; private set; }
    public string? EnterpriseName { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? DeactivatedAt { get; private set; }
    public IReadOnlyList<UnitMembership> Memberships => memberships;

    RaisedEvents IEventSource.RaisedEvents { get; } = new();

    public bool IsActive => DeactivatedAt is null;

    public UnitMembership? CurrentBranch => memberships.SingleOrDefault(m => m.IsCurrent && m.UnitKind == UnitKind.Branch);

    public static Person Register(
        string userName, string displayName, string? phoneNumber, string? externalOrganisation,
        (string Code, string Name)? enterprise, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserName = userName,
        DisplayName = displayName,
        PhoneNumber = phoneNumber,
        ExternalOrganisation = externalOrganisation,
        EnterpriseCode = enterprise?.Code,
        EnterpriseName = enterprise?.Name,
        RegisteredAt = now,
        LockoutEnabled = true,
    };

    /// <summary>Announces the registration once the roles are known (they are stored by the role manager).</summary>
    public void AnnounceRegistration(IReadOnlyList<string> roles, DateTimeOffset now) => Raise(new PersonRegistered
    {
        PersonId = Id,
        DisplayName = DisplayName,
        Roles = roles,
        ExternalOrganisation = ExternalOrganisation,
        EnterpriseCode = EnterpriseCode,
        OccurredAt = now,
    });

    public void AnnounceRoles(IReadOnlyList<string> roles, DateTimeOffset now) =>
        Raise(new PersonRolesChanged { PersonId = Id, Roles = roles, OccurredAt = now });

    /// <summary>
    /// Joins a branch (a person belongs to one branch at a time) or another unit. Moving between branches is joining
    /// the new one: the old membership ends the same day.
    /// </summary>
    public void Join(OrganisationUnit unit, DateOnly on, DateTimeOffset now)
    {
        EnsureActive();
        unit.EnsureActive(on);
        if (memberships.Any(m => m.IsCurrent && m.UnitId == unit.Id))
        {
            throw new RuleViolation("已是该组织成员", $"{DisplayName} already belongs to {unit.Name}.");
        }
        if (unit.Kind == UnitKind.OrganCommittee)
        {
            throw RuleViolation.Unprocessable("人员应加入支部或具体组织", "People join a branch or a group, not the organ committee itself.");
        }
        if (unit.Kind == UnitKind.PartyGroup && CurrentBranch?.UnitId != unit.ParentId)
        {
            throw RuleViolation.Unprocessable("只能加入本支部的党小组", "A party group's members belong to the group's branch.");
        }
        if (unit.Kind == UnitKind.Branch && CurrentBranch is { } current)
        {
            End(current, on, now);
            foreach (var group in memberships.Where(m => m.IsCurrent && m.UnitKind == UnitKind.PartyGroup).ToList())
            {
                End(group, on, now);
            }
        }
        var membership = UnitMembership.Start(Id, unit, on);
        memberships.Add(membership);
        Raise(unit.Kind == UnitKind.Branch
            ? new MemberJoinedBranch { PersonId = Id, BranchId = unit.Id, DisplayName = DisplayName, On = on, OccurredAt = now }
            : new MemberJoinedUnit { PersonId = Id, UnitId = unit.Id, UnitKind = unit.Kind.ToCode(), DisplayName = DisplayName, On = on, OccurredAt = now });
    }

    public void Leave(Guid unitId, DateOnly on, DateTimeOffset now)
    {
        EnsureActive();
        var membership = memberships.SingleOrDefault(m => m.IsCurrent && m.UnitId == unitId)
            ?? throw new RuleViolation("不是该组织的在册成员", $"{DisplayName} does not currently belong to unit {unitId}.");
        End(membership, on, now);
    }

    /// <summary>Ends every membership and the ability to sign in; the person and their history stay.</summary>
    public void Deactivate(DateOnly on, DateTimeOffset now)
    {
        EnsureActive();
        foreach (var membership in memberships.Where(m => m.IsCurrent).ToList())
        {
            End(membership, on, now);
        }
        DeactivatedAt = now;
        LockoutEnd = DateTimeOffset.MaxValue;
        Raise(new PersonDeactivated { PersonId = Id, On = on, OccurredAt = now });
    }

    public void EnsureActive()
    {
        if (!IsActive)
        {
            throw new RuleViolation("人员已停用", $"{DisplayName} was deactivated on {DeactivatedAt:yyyy-MM-dd}.");
        }
    }

    private void End(UnitMembership membership, DateOnly on, DateTimeOffset now)
    {
        membership.End(on);
        Raise(membership.UnitKind == UnitKind.Branch
            ? new MemberLeftBranch { PersonId = Id, BranchId = membership.UnitId, On = on, OccurredAt = now }
            : new MemberLeftUnit { PersonId = Id, UnitId = membership.UnitId, UnitKind = membership.UnitKind.ToCode(), On = on, OccurredAt = now });
    }

    private void Raise(Contracts.IntegrationEvent integrationEvent) => ((IEventSource)this).RaisedEvents.Add(integrationEvent);
}

/// <summary>A person's place in a unit between two dates; ended, never deleted.</summary>
public sealed class UnitMembership
{
    private UnitMembership() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid UnitId { get; private set; }
    public UnitKind UnitKind { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    public bool IsCurrent => ValidTo is null;

    internal static UnitMembership Start(Guid personId, OrganisationUnit unit, DateOnly on) => new()
    {
        Id = Guid.CreateVersion7(),
        PersonId = personId,
        UnitId = unit.Id,
        UnitKind = unit.Kind,
        ValidFrom = on,
    };

    internal void End(DateOnly on) => ValidTo = on;
}
