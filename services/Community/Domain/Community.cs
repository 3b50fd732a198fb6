using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Community.Resources.Texts;

namespace BrandPlatform.Community.Domain;

/// <summary>
/// A residential community (社区) the organ works with: where branches pair up (近邻党建) and members report to serve
/// where they live. The office keeps the list; names are unique.
/// </summary>
public sealed class ResidentialCommunity
{
    public const int NameMaxLength = 100;
    public const int StreetMaxLength = 100;
    public const int ContactNameMaxLength = 50;

    private ResidentialCommunity() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The sub-district (街道) it belongs to.</summary>
    public string Street { get; private set; } = "";
    /// <summary>The community's contact who confirms members' registrations (a work phone, not personal data).</summary>
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public int Version { get; private set; }

    public static ResidentialCommunity Register(string name, string street, string contactName, string contactPhone, DateTimeOffset now)
    {
        var community = new ResidentialCommunity { Id = Guid.CreateVersion7(now), RegisteredAt = now };
        community.Revise(name, street, contactName, contactPhone);
        return community;
    }

    public void Revise(string name, string street, string contactName, string contactPhone)
    {
        Name = name.Trim();
        Street = street.Trim();
        ContactName = contactName.Trim();
        ContactPhone = PhoneNumbers.Normalize(contactPhone);
        Version++;
    }
}

/// <summary>
/// 近邻党建: a branch paired with a community for a period (open-ended until ended). A branch may pair with several
/// communities; the same pair may not overlap itself.
/// </summary>
public sealed class CommunityPairing
{
    public const int NoteMaxLength = 500;

    private CommunityPairing() { }

    public Guid Id { get; private set; }
    public Guid BranchId { get; private set; }
    public Guid CommunityId { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public string? Note { get; private set; }
    public string PairedBy { get; private set; } = "";
    public int Version { get; private set; }

    public static CommunityPairing Pair(Guid branchId, Guid communityId, DateOnly from, DateOnly? to, string? note, string pairedBy, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now), BranchId = branchId, CommunityId = communityId, From = from, To = to,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), PairedBy = pairedBy, Version = 1,
        };

    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    public bool Overlaps(DateOnly from, DateOnly? to) => From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);

    /// <summary>Ends the pairing on a day; a pairing ends once, and not before it began.</summary>
    public void End(DateOnly on)
    {
        if (To is { } ended && on >= ended)
        {
            throw new RuleViolation(Text(nameof(CommunityTexts.PairingEnded_Title)), Text(nameof(CommunityTexts.PairingEnded_Detail), ended));
        }
        if (on < From)
        {
            throw RuleViolation.Unprocessable(Text(nameof(CommunityTexts.PairingEndBeforeStart_Title)),
                Text(nameof(CommunityTexts.PairingEndBeforeStart_Detail), From), "on");
        }
        To = on;
        Version++;
    }
}
