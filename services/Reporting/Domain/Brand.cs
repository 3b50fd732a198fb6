using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Reporting.Domain;

/// <summary>
/// A branch's party-building service brand (党建服务品牌), the plan's own subject: its name, field (领域), meaning and
/// slogan, and the measures (举措) that carry it out. Tasks, study activities and tickets point at a brand or a measure,
/// so the brand's page shows what was done under it.
/// </summary>
public sealed class Brand : Aggregate
{
    public const int NameMaxLength = 50;
    public const int FieldMaxLength = 50;
    public const int MeaningMaxLength = 1000;
    public const int SloganMaxLength = 100;

    private readonly List<BrandMeasure> measures = [];

    private Brand() { }

    public Guid Id { get; private set; }
    /// <summary>The party branch whose brand it is (one brand per branch).</summary>
    public Guid BranchId { get; private set; }
    public string Name { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string Meaning { get; private set; } = "";
    public string Slogan { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>image/png or image/jpeg when a logo was uploaded (the image itself is a <see cref="BrandLogo"/>).</summary>
    public string? LogoContentType { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>The aggregate's version: its events carry it, and If-Match guards edits.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<BrandMeasure> Measures => measures;

    public static Brand Register(Guid id, Guid branchId, string name, string field, string meaning, string slogan, DateTimeOffset at)
    {
        var brand = new Brand { Id = id, BranchId = branchId, RegisteredAt = at };
        brand.Describe(name, field, meaning, slogan);
        brand.Touch(at);
        brand.Raise(brand.Stamp(new BrandRegistered { OccurredAt = at }));
        return brand;
    }

    public void Edit(string name, string field, string meaning, string slogan, DateTimeOffset at)
    {
        Describe(name, field, meaning, slogan);
        Changed(at);
    }

    public void SetLogo(string contentType, DateTimeOffset at)
    {
        LogoContentType = contentType;
        Changed(at);
    }

    public BrandMeasure AddMeasure(Guid id, string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult, DateTimeOffset at)
    {
        var measure = new BrandMeasure(id, Id, title.Trim(), ownerUnitId, ownerPersonId, deadline, expectedResult.Trim());
        measures.Add(measure);
        Touch(at);
        Raise(Stamp(new BrandMeasureAdded
        {
            OccurredAt = at, MeasureId = measure.Id, Title = measure.Title, OwnerUnitId = ownerUnitId, OwnerPersonId = ownerPersonId,
            Deadline = deadline, ExpectedResult = measure.ExpectedResult,
        }));
        return measure;
    }

    /// <summary>Null when the brand has no such measure.</summary>
    public BrandMeasure? EditMeasure(Guid measureId, string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult, DateTimeOffset at)
    {
        if (measures.SingleOrDefault(m => m.Id == measureId) is not { } measure)
        {
            return null;
        }
        measure.Restate(title.Trim(), ownerUnitId, ownerPersonId, deadline, expectedResult.Trim());
        Changed(at);
        return measure;
    }

    private void Describe(string name, string field, string meaning, string slogan)
    {
        Name = name.Trim();
        Field = field.Trim();
        Meaning = meaning.Trim();
        Slogan = slogan.Trim();
    }

    private void Changed(DateTimeOffset at)
    {
        Touch(at);
        Raise(Stamp(new BrandChanged { OccurredAt = at }));
    }

    private void Touch(DateTimeOffset at)
    {
        LastChangedAt = at;
        Version++;
    }

    private T Stamp<T>(T integrationEvent) where T : BrandEvent => integrationEvent with
    {
        BrandId = Id, BranchId = BranchId, Name = Name, Field = Field, Slogan = Slogan, Version = Version,
    };
}
