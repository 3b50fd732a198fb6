using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Liaison.Domain;

/// <summary>
/// A person the department keeps in touch with (代表人士, a private entrepreneur, a new-social-class figure): their
/// organisation, positions, the enterprise they lead and the cadre responsible for them. The phone number is personal
/// data: lists, logs, events and audit entries show it masked; the whole number is read only by the responsible cadre
/// and the office, and each such read is audited.
/// </summary>
public sealed class UnitedFrontContact : Aggregate
{
    public const int NameMaxLength = 50;
    public const int PositionMaxLength = 100;
    public const int MaxPositions = 5;
    public const int EnterpriseNameMaxLength = 200;

    private UnitedFrontContact() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ContactCategory Category { get; private set; }
    public Guid? OrganisationId { get; private set; }
    /// <summary>Positions held (e.g. 市政协委员, 商会副会长), in the order the office lists them.</summary>
    public List<string> Positions { get; private set; } = [];
    public string? EnterpriseName { get; private set; }
    public string? EnterpriseCreditCode { get; private set; }
    public string Phone { get; private set; } = "";
    public Guid ResponsibleCadreId { get; private set; }
    public string ResponsibleCadreName { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    public string MaskedPhone => PhoneNumbers.Mask(Phone);

    public sealed record Details(
        string Name, ContactCategory Category, Guid? OrganisationId, IReadOnlyList<string> Positions, string? EnterpriseName,
        string? EnterpriseCreditCode, string Phone);

    public static UnitedFrontContact Register(Details details, Guid cadreId, string cadreName, DateTimeOffset now)
    {
        var contact = new UnitedFrontContact
        {
            Id = Guid.CreateVersion7(now), RegisteredAt = now, ResponsibleCadreId = cadreId, ResponsibleCadreName = cadreName,
        };
        contact.Apply(details, now);
        contact.Raise(contact.Stated(new ContactRegistered { OccurredAt = now }));
        return contact;
    }

    public void Revise(Details details, DateTimeOffset now)
    {
        Apply(details, now);
        Raise(Stated(new ContactUpdated { OccurredAt = now }));
    }

    /// <summary>Hands the contact to another cadre; handing it to the one who has it changes nothing.</summary>
    public void Reassign(Guid cadreId, string cadreName, DateTimeOffset now)
    {
        if (cadreId == ResponsibleCadreId)
        {
            return;
        }
        var previous = ResponsibleCadreId;
        ResponsibleCadreId = cadreId;
        ResponsibleCadreName = cadreName;
        LastChangedAt = now;
        Version++;
        Raise(Stated(new ContactReassigned { OccurredAt = now, PreviousCadreId = previous }));
    }

    public bool IsKeptBy(Guid? personId) => personId == ResponsibleCadreId;

    private void Apply(Details details, DateTimeOffset now)
    {
        Name = details.Name.Trim();
        Category = details.Category;
        OrganisationId = details.OrganisationId;
        Positions = [.. details.Positions.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct()];
        EnterpriseName = string.IsNullOrWhiteSpace(details.EnterpriseName) ? null : details.EnterpriseName.Trim();
        EnterpriseCreditCode = string.IsNullOrWhiteSpace(details.EnterpriseCreditCode) ? null : UnifiedSocialCreditCode.Normalize(details.EnterpriseCreditCode);
        Phone = PhoneNumbers.Normalize(details.Phone);
        LastChangedAt = now;
        Version++;
    }

    private T Stated<T>(T contactEvent) where T : ContactEvent => contactEvent with
    {
        ContactId = Id, Name = Name, Category = Category.ToCode(), OrganisationId = OrganisationId,
        EnterpriseCreditCode = EnterpriseCreditCode, EnterpriseName = EnterpriseName, ResponsibleCadreId = ResponsibleCadreId,
    };

    /// <summary>Never the whole number: contacts end up in logs.</summary>
    public override string ToString() => $"{Name} {MaskedPhone}";
}
