namespace BrandPlatform.Reporting.Domain;

/// <summary>
/// A branch's party-building service brand (党建服务品牌), the plan's own subject: its name, field (领域), meaning and
/// slogan, and the measures (举措) that carry it out. Tasks, study activities and tickets point at a brand or a measure,
/// so the brand's page shows what was done under it.
/// </summary>
public sealed class Brand
{
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
    /// <summary>The aggregate's version: its events carry it, and If-Match guards edits.</summary>
    public int Version { get; private set; }
    public IReadOnlyList<BrandMeasure> Measures => measures;

    public static Brand Register(Guid id, Guid branchId, string name, string field, string meaning, string slogan, DateTimeOffset at) => new()
    {
        Id = id, BranchId = branchId, Name = name, Field = field, Meaning = meaning, Slogan = slogan, RegisteredAt = at, Version = 1,
    };

    public BrandMeasure AddMeasure(Guid id, string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult)
    {
        var measure = new BrandMeasure(id, Id, title, ownerUnitId, ownerPersonId, deadline, expectedResult);
        measures.Add(measure);
        Version++;
        return measure;
    }
}

/// <summary>A brand's measure (举措): who carries it out, by when, and what it should achieve.</summary>
public sealed class BrandMeasure
{
    private BrandMeasure() { }

    internal BrandMeasure(Guid id, Guid brandId, string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult)
    {
        Id = id;
        BrandId = brandId;
        Title = title;
        OwnerUnitId = ownerUnitId;
        OwnerPersonId = ownerPersonId;
        Deadline = deadline;
        ExpectedResult = expectedResult;
    }

    public Guid Id { get; private set; }
    public Guid BrandId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The unit (department or branch) that carries it out.</summary>
    public Guid OwnerUnitId { get; private set; }
    public Guid? OwnerPersonId { get; private set; }
    /// <summary>A China date.</summary>
    public DateOnly Deadline { get; private set; }
    public string ExpectedResult { get; private set; } = "";
}
