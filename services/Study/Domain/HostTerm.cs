namespace BrandPlatform.Study.Domain;

/// <summary>
/// One two-month term of the youth study group's rotation (每2个月轮值), China dates, and who hosts it: nobody when the
/// group had no member to give it to.
/// </summary>
public sealed record HostTerm(DateOnly From, DateOnly To, Guid? PersonId, string? DisplayName)
{
    public const int Months = 2;

    /// <summary>The term that contains <paramref name="day"/>: terms begin on 1 January, March, May, July, September and November.</summary>
    public static HostTerm Containing(DateOnly day) => Starting(new DateOnly(day.Year, day.Month - (day.Month - 1) % Months, 1));

    /// <summary>The empty term after this one.</summary>
    public HostTerm Next() => Starting(From.AddMonths(Months));

    /// <summary>A term that has begun is kept as it is: its host already hosts, whoever joins or leaves.</summary>
    public bool HasStarted(DateOnly today) => From <= today;

    private static HostTerm Starting(DateOnly from) => new(from, from.AddMonths(Months).AddDays(-1), null, null);
}
