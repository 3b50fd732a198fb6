using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Identity.Resources.Texts;

namespace BrandPlatform.Identity.Domain;

public enum UnitKind
{
    /// <summary>机关党委: the top of the tree.</summary>
    OrganCommittee,
    /// <summary>党支部</summary>
    Branch,
    /// <summary>党小组, inside a branch.</summary>
    PartyGroup,
    /// <summary>部务会</summary>
    LeadershipTeam,
    /// <summary>党委中心组</summary>
    CentralStudyGroup,
    /// <summary>青年理论学习小组; members may come from other units of the united-front system.</summary>
    YouthStudyGroup,
    /// <summary>工作专班 (招商服务, 征迁服务, 项目服务): handles enterprise tickets.</summary>
    TaskForce,
    /// <summary>处室 / 部门</summary>
    Department,
}

/// <summary>
/// A unit of the organisation directory with its place in the tree and its validity dates. Units are never deleted:
/// a deactivated unit keeps its history (activities, tickets, figures still point at it).
/// </summary>
public sealed class OrganisationUnit : Aggregate
{
    public const int NameMaxLength = 100;

    private OrganisationUnit() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);

    public static OrganisationUnit Create(string name, UnitKind kind, OrganisationUnit? parent, DateOnly validFrom, DateTimeOffset now)
    {
        CheckParent(kind, parent, validFrom);
        var unit = new OrganisationUnit
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Kind = kind,
            ParentId = parent?.Id,
            ValidFrom = validFrom,
        };
        unit.Raise(new OrganisationUnitCreated
        {
            UnitId = unit.Id,
            Kind = kind.ToCode(),
            Name = name,
            ParentId = parent?.Id,
            ValidFrom = validFrom,
            OccurredAt = now,
        });
        return unit;
    }

    /// <summary>
    /// Says again what the unit is, for subscribers that started after it was first announced. A snapshot at the
    /// unit's current version: consumers that already have that version keep what they have.
    /// </summary>
    public void Announce(DateTimeOffset now) => Raise(new OrganisationUnitAnnounced
    {
        UnitId = Id, Kind = Kind.ToCode(), Name = Name, ParentId = ParentId, ValidFrom = ValidFrom, ValidTo = ValidTo, OccurredAt = now,
    });

    /// <summary>A party group moves to another branch; a branch or task force never changes committee here.</summary>
    public void MoveTo(OrganisationUnit parent, DateOnly today, DateTimeOffset now)
    {
        EnsureActive(today);
        if (parent.Id == ParentId)
        {
            throw AlreadyUnder(Name, parent.Name);
        }
        CheckParent(Kind, parent, today);
        var from = ParentId;
        ParentId = parent.Id;
        Raise(new OrganisationUnitMoved { UnitId = Id, Kind = Kind.ToCode(), FromParentId = from, ToParentId = parent.Id, OccurredAt = now });
    }

    /// <summary>Ends the unit from <paramref name="on"/>; refused while active sub-units or members remain.</summary>
    public void Deactivate(DateOnly on, bool hasActiveChildren, bool hasActiveMembers, DateTimeOffset now)
    {
        EnsureActive(on);
        if (hasActiveChildren || hasActiveMembers)
        {
            throw NotEmpty(Name);
        }
        ValidTo = on;
        Raise(new OrganisationUnitDeactivated { UnitId = Id, Kind = Kind.ToCode(), ValidTo = on, OccurredAt = now });
    }

    public void EnsureActive(DateOnly today)
    {
        if (!IsActiveOn(today))
        {
            throw new RuleViolation(Text(nameof(IdentityTexts.UnitNotActive_Title)), today < ValidFrom
                ? Text(nameof(IdentityTexts.UnitNotYetActive_Detail), Name, ValidFrom, today)
                : Text(nameof(IdentityTexts.UnitEnded_Detail), Name, ValidTo));
        }
    }

    public static RuleViolation AlreadyUnder(string unit, string parent) =>
        new(Text(nameof(IdentityTexts.AlreadyUnderParent_Title)), Text(nameof(IdentityTexts.AlreadyUnderParent_Detail), unit, parent));

    public static RuleViolation NotEmpty(string unit) =>
        new(Text(nameof(IdentityTexts.UnitNotEmpty_Title)), Text(nameof(IdentityTexts.UnitNotEmpty_Detail), unit));

    public static RuleViolation WrongParentKind(UnitKind kind, UnitKind expected) => RuleViolation.Unprocessable(
        Text(nameof(IdentityTexts.WrongParentKind_Title)), Text(nameof(IdentityTexts.WrongParentKind_Detail), kind, expected));

    /// <summary>Where each kind sits: branches and committee bodies under the organ committee, party groups under a branch.</summary>
    private static void CheckParent(UnitKind kind, OrganisationUnit? parent, DateOnly day)
    {
        UnitKind? expected = kind switch
        {
            UnitKind.OrganCommittee => null,
            UnitKind.PartyGroup => UnitKind.Branch,
            _ => UnitKind.OrganCommittee,
        };
        if (expected is null)
        {
            if (parent is not null)
            {
                throw RuleViolation.Unprocessable(
                    Text(nameof(IdentityTexts.CommitteeHasNoParent_Title)), Text(nameof(IdentityTexts.CommitteeHasNoParent_Detail)));
            }
            return;
        }
        if (parent is null || parent.Kind != expected)
        {
            throw WrongParentKind(kind, expected.Value);
        }
        parent.EnsureActive(day);
    }
}
