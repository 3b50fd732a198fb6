using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Resources;
using static BrandPlatform.Tickets.Resources.Texts;

namespace BrandPlatform.Tickets.Domain;

/// <summary>
/// 诉求人: an enterprise (with its unified social credit code, unique) or a named person without one (民营经济人士,
/// 新阶层人士, or a resident whose problem a member met during a community service), optionally a member of a chamber of commerce, with the contacts handlers call. Tickets keep a snapshot of
/// the requester as it was when they were filed.
/// </summary>
public sealed class Requester
{
    public const int NameMaxLength = 200;
    public const int MaxContacts = 10;

    private readonly List<RequesterContact> contacts = [];

    private Requester() { }

    public Guid Id { get; private set; }
    public RequesterKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Enterprises only.</summary>
    public string? UnifiedSocialCreditCode { get; private set; }
    /// <summary>Persons only: which of the united front's groups the person belongs to.</summary>
    public PersonCategory? PersonCategory { get; private set; }
    public Guid? ChamberId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<RequesterContact> Contacts => contacts;

    public static Requester Enterprise(string name, string unifiedSocialCreditCode, Guid? chamberId, DateTimeOffset now)
    {
        if (!Platform.Domain.UnifiedSocialCreditCode.IsValid(unifiedSocialCreditCode))
        {
            throw new ArgumentException("The unified social credit code is not valid.", nameof(unifiedSocialCreditCode));
        }
        return new Requester
        {
            Id = Guid.CreateVersion7(now), Kind = RequesterKind.Enterprise, Name = name.Trim(),
            UnifiedSocialCreditCode = unifiedSocialCreditCode, ChamberId = chamberId, CreatedAt = now,
        };
    }

    public static Requester Person(string name, PersonCategory category, Guid? chamberId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Kind = RequesterKind.Person, Name = name.Trim(), PersonCategory = category,
        ChamberId = chamberId, CreatedAt = now,
    };

    /// <summary>A requester's name and chamber may change; the credit code and kind never do.</summary>
    public void Update(string name, Guid? chamberId)
    {
        Name = name.Trim();
        ChamberId = chamberId;
    }

    /// <summary>The contacts as a whole: the form edits the list, at most ten.</summary>
    public void ReplaceContacts(IReadOnlyCollection<(string Name, string Phone, string? Position)> replacement)
    {
        if (replacement.Count > MaxContacts)
        {
            throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.TooManyContacts_Title), MaxContacts), Text(nameof(TicketTexts.TooManyContacts_Detail), MaxContacts));
        }
        contacts.Clear();
        contacts.AddRange(replacement.Select(c => RequesterContact.Create(Id, c.Name, c.Phone, c.Position)));
    }
}

public enum PersonCategory
{
    /// <summary>民营经济人士</summary>
    PrivateEconomy,
    /// <summary>新的社会阶层人士</summary>
    NewSocialStratum,
    /// <summary>群众: a resident whose problem (急难愁盼) a member met during a community service and raised on their behalf.</summary>
    Resident,
}

/// <summary>Someone at the requester a handler calls. The phone number is shown whole only to those who handle tickets.</summary>
public sealed class RequesterContact
{
    public const int NameMaxLength = TicketFields.ContactNameMaxLength;
    public const int PositionMaxLength = 50;

    private RequesterContact() { }

    public Guid Id { get; private set; }
    public Guid RequesterId { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string? Position { get; private set; }

    public string MaskedPhone => PhoneNumbers.Mask(Phone);

    internal static RequesterContact Create(Guid requesterId, string name, string phone, string? position) => new()
    {
        Id = Guid.CreateVersion7(), RequesterId = requesterId, Name = name.Trim(), Phone = PhoneNumbers.Normalize(phone),
        Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim(),
    };

    /// <summary>Never the whole number: contacts end up in logs.</summary>
    public override string ToString() => $"{Name} {MaskedPhone}";
}

/// <summary>
/// 商会: a chamber of commerce, liaison's organisation as the tickets service keeps it (liaison owns the chamber and its
/// name; README, "One owner for chambers"). Key chambers (重点商会) are each linked to a city leader (市领导挂钩联系) for a
/// period; a supervision order (督办单) for a member's ticket goes to the leader linked on that day. A chamber kept here
/// before liaison owned chambers is handed over once, and follows liaison's organisation from then on.
/// </summary>
public sealed class Chamber : Aggregate
{
    public const int NameMaxLength = 100;

    private readonly List<ChamberLeaderLink> leaderLinks = [];

    private Chamber() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Liaison's organisation this chamber is; null for one kept here before, until liaison registers it.</summary>
    public Guid? OrganisationId { get; private set; }
    /// <summary>When a chamber kept here before was handed over to liaison.</summary>
    public DateTimeOffset? HandedOverAt { get; private set; }
    public IReadOnlyList<ChamberLeaderLink> LeaderLinks => leaderLinks;

    /// <summary>A chamber as the office kept it here before liaison owned chambers (and as tests of the old data make one).</summary>
    public static Chamber Create(string name, bool isKey, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name.Trim(), IsKey = isKey, CreatedAt = now };

    /// <summary>A chamber liaison registered.</summary>
    public static Chamber Of(Guid organisationId, string name, DateTimeOffset now)
    {
        var chamber = Create(name, isKey: false, now);
        chamber.OrganisationId = organisationId;
        return chamber;
    }

    /// <summary>Liaison's organisation stated its name: this chamber is that organisation from now on.</summary>
    public void FollowOrganisation(Guid organisationId, string name)
    {
        OrganisationId = organisationId;
        Name = name.Trim();
    }

    /// <summary>The office marks a key chamber (重点商会) or takes the mark away; the name is liaison's.</summary>
    public void MarkKey(bool isKey) => IsKey = isKey;

    /// <summary>Announces a chamber kept here before to liaison, once.</summary>
    public void HandOver(DateTimeOffset now)
    {
        if (OrganisationId is not null || HandedOverAt is not null)
        {
            return;
        }
        HandedOverAt = now;
        Raise(new ChamberHandedOver { OccurredAt = now, ChamberId = Id, Name = Name });
    }

    /// <summary>Links a leader for a period; periods of one chamber never overlap (one leader answers on any day).</summary>
    public ChamberLeaderLink LinkLeader(Guid leaderId, string leaderName, DateOnly from, DateOnly? to)
    {
        if (to < from)
        {
            throw ChamberLeaderLink.EndsBeforeItBegins(from);
        }
        if (leaderLinks.FirstOrDefault(l => l.Overlaps(from, to)) is { } overlapping)
        {
            throw new RuleViolation(Text(nameof(TicketTexts.LinkOverlaps_Title)), Text(nameof(TicketTexts.LinkOverlaps_Detail), overlapping.LeaderName,
                overlapping.To is { } end
                    ? Text(nameof(TicketTexts.LinkPeriod_Closed), overlapping.From, end)
                    : Text(nameof(TicketTexts.LinkPeriod_Open), overlapping.From)));
        }
        var link = ChamberLeaderLink.Create(Id, leaderId, leaderName, from, to);
        leaderLinks.Add(link);
        return link;
    }

    /// <summary>Ends an open or later-ending link on a day (the leader's duties changed).</summary>
    public void EndLink(Guid linkId, DateOnly on)
    {
        var link = leaderLinks.SingleOrDefault(l => l.Id == linkId)
            ?? throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.LinkNotFound_Title)), Text(nameof(TicketTexts.LinkNotFound_Detail)));
        link.EndOn(on);
    }

    /// <summary>The leader linked on a day, if any.</summary>
    public Guid? LeaderOn(DateOnly day) => leaderLinks.FirstOrDefault(l => l.Covers(day))?.LeaderId;
}

public sealed class ChamberLeaderLink
{
    public const int LeaderNameMaxLength = 50;

    private ChamberLeaderLink() { }

    public Guid Id { get; private set; }
    public Guid ChamberId { get; private set; }
    public Guid LeaderId { get; private set; }
    public string LeaderName { get; private set; } = "";
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    internal static ChamberLeaderLink Create(Guid chamberId, Guid leaderId, string leaderName, DateOnly from, DateOnly? to) => new()
    {
        Id = Guid.CreateVersion7(), ChamberId = chamberId, LeaderId = leaderId, LeaderName = leaderName.Trim(), From = from, To = to,
    };

    internal static RuleViolation EndsBeforeItBegins(DateOnly from) =>
        RuleViolation.Unprocessable(Text(nameof(TicketTexts.LinkEndsBeforeItBegins_Title)), Text(nameof(TicketTexts.LinkEndsBeforeItBegins_Detail), from));

    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    internal bool Overlaps(DateOnly from, DateOnly? to) => (to is null || From <= to) && (To is null || from <= To);

    internal void EndOn(DateOnly on)
    {
        if (on < From)
        {
            throw EndsBeforeItBegins(From);
        }
        To = To is { } end && end < on ? end : on;
    }
}

/// <summary>归口: the unit a category goes to by default when the office assigns without naming one.</summary>
public sealed class RoutingRule
{
    private RoutingRule() { }

    public RoutingRule(TicketCategory category, Guid unitId)
    {
        Category = category;
        UnitId = unitId;
    }

    public TicketCategory Category { get; private set; }
    public Guid UnitId { get; private set; }

    public void RouteTo(Guid unitId) => UnitId = unitId;
}
