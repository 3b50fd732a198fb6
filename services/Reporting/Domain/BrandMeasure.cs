namespace BrandPlatform.Reporting.Domain;

/// <summary>A brand's measure (举措): who carries it out, by when, and what it should achieve.</summary>
public sealed class BrandMeasure
{
    public const int TitleMaxLength = 200;
    public const int ExpectedResultMaxLength = 1000;

    private BrandMeasure() { }

    internal BrandMeasure(Guid id, Guid brandId, string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult)
    {
        Id = id;
        BrandId = brandId;
        Restate(title, ownerUnitId, ownerPersonId, deadline, expectedResult);
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

    internal void Restate(string title, Guid ownerUnitId, Guid? ownerPersonId, DateOnly deadline, string expectedResult)
    {
        Title = title;
        OwnerUnitId = ownerUnitId;
        OwnerPersonId = ownerPersonId;
        Deadline = deadline;
        ExpectedResult = expectedResult;
    }
}
