using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Community.Domain;

/// <summary>
/// 一季一主题: the quarter's volunteer-service theme the office sets, with how many services under it each branch holds
/// at least. One theme a quarter.
/// </summary>
public sealed class ServiceTheme : Aggregate
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int MaxServicesPerBranch = 20;

    private ServiceTheme() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public int ServicesPerBranch { get; private set; }
    public int Version { get; private set; }

    public ChinaPeriod Period => Periods.Quarter(Year, Quarter);

    public static ServiceTheme Set(int year, int quarter, string title, string? description, int servicesPerBranch, DateTimeOffset now)
    {
        var theme = new ServiceTheme { Id = Guid.CreateVersion7(now), Year = year, Quarter = quarter };
        theme.Apply(title, description, servicesPerBranch);
        theme.Raise(theme.Stated(new ServiceThemeSet { OccurredAt = now }));
        return theme;
    }

    public void Revise(string title, string? description, int servicesPerBranch, DateTimeOffset now)
    {
        Apply(title, description, servicesPerBranch);
        Raise(Stated(new ServiceThemeRevised { OccurredAt = now }));
    }

    private void Apply(string title, string? description, int servicesPerBranch)
    {
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        ServicesPerBranch = servicesPerBranch;
        Version++;
    }

    private T Stated<T>(T themeEvent) where T : ServiceThemeEvent => themeEvent with
    {
        ThemeId = Id, Year = Year, Quarter = Quarter, Title = Title, ServicesPerBranch = ServicesPerBranch,
    };
}
