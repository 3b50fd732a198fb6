using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using static BrandPlatform.Identity.Resources.Texts;

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
            throw AlreadyMember(DisplayName, unit.Name);
        }
        if (unit.Kind == UnitKind.OrganCommittee)
        {
            throw RuleViolation.Unprocessable(
                Text(nameof(IdentityTexts.JoinBelowCommittee_Title)), Text(nameof(IdentityTexts.JoinBelowCommittee_Detail), unit.Name));
        }
        if (unit.Kind == UnitKind.PartyGroup && CurrentBranch?.UnitId != unit.ParentId)
        {
            throw RuleViolation.Unprocessable(Text(nameof(IdentityTexts.PartyGroupOfOwnBranch_Title)),
                Text(nameof(IdentityTexts.PartyGroupOfOwnBranch_Detail), unit.Name, new UnitReference(unit.ParentId!.Value), DisplayName));
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
            ?? throw new RuleViolation(
                Text(nameof(IdentityTexts.NotMember_Title)), Text(nameof(IdentityTexts.NotMember_Detail), DisplayName, new UnitReference(unitId)));
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
            throw Deactivated(DisplayName, ChinaCalendar.DateOf(DeactivatedAt!.Value));
        }
    }

    public static RuleViolation AlreadyMember(string person, string unit) =>
        new(Text(nameof(IdentityTexts.AlreadyMember_Title)), Text(nameof(IdentityTexts.AlreadyMember_Detail), person, unit));

    public static RuleViolation Deactivated(string person, DateOnly on) =>
        new(Text(nameof(IdentityTexts.PersonDeactivated_Title)), Text(nameof(IdentityTexts.PersonDeactivated_Detail), person, on));

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
