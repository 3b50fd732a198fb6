using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Liaison.Domain;

/// <summary>
/// An organisation the department works with: a democratic party's committee, a chamber of commerce, a new-social-class
/// association or the federation of industry and commerce. Its category is what it is, so it never changes; names are
/// unique. Liaison owns chambers too: the tickets service's chamber list is a copy of these (README, "Liaison").
/// </summary>
public sealed class UnitedFrontOrganisation : Aggregate
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private UnitedFrontOrganisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationCategory Category { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Edits so far: the ETag a revision's If-Match names.</summary>
    public int Version { get; private set; }

    public static UnitedFrontOrganisation Register(string name, OrganisationCategory category, string? description, DateTimeOffset now)
    {
        var organisation = new UnitedFrontOrganisation { Id = Guid.CreateVersion7(now), Category = category, RegisteredAt = now };
        organisation.Apply(name, description, now);
        organisation.Raise(organisation.Stated(new OrganisationRegistered { OccurredAt = now }));
        return organisation;
    }

    public void Revise(string name, string? description, DateTimeOffset now)
    {
        Apply(name, description, now);
        Raise(Stated(new OrganisationUpdated { OccurredAt = now }));
    }

    /// <summary>
    /// Announces the organisation as it stands again, unchanged, for a copy that has not seen it yet: a snapshot at the
    /// latest version, so a copy that missed the earlier events takes it instead of waiting for them.
    /// </summary>
    public void Restate(DateTimeOffset now) => Raise(Stated(new OrganisationStated { OccurredAt = now }));

    private void Apply(string name, string? description, DateTimeOffset now)
    {
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        LastChangedAt = now;
        Version++;
    }

    private T Stated<T>(T organisationEvent) where T : OrganisationEvent =>
        organisationEvent with { OrganisationId = Id, Category = Category.ToCode(), Name = Name };
}
