using BrandPlatform.Platform.Resources;
using FluentValidation;

namespace BrandPlatform.Platform.Attendance;

/// <summary>A keeper's mark for one person, as sent when filing a session's record (study activities, warning sessions).</summary>
public sealed record MarkRequest(Guid? PersonId, AttendanceStatus? Status, string? Reason)
{
    public AttendanceMark ToMark() => new(PersonId!.Value, Status!.Value, Reason);
}

public sealed class MarkValidator : AbstractValidator<MarkRequest>
{
    public MarkValidator()
    {
        RuleFor(m => m.PersonId).NotEmpty();
        RuleFor(m => m.Status).NotNull();
        RuleFor(m => m.Reason).NotEmpty().When(m => m.Status == AttendanceStatus.AbsentWithReason).WithMessage(_ => PlatformTexts.ReasonRequiredForLeave);
        RuleFor(m => m.Reason).MaximumLength(AttendanceSheet.ReasonMaxLength);
    }
}

/// <summary>Instants a person can mean when planning or recording a session: a typed year 20260 or 0001 would overflow the Beijing-time arithmetic.</summary>
public static class SessionTimes
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IRuleBuilderOptions<T, DateTimeOffset?> Plausible<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.NotNull().Must(d => d >= Earliest && d < Latest).WithMessage(_ => PlatformTexts.DateOutOfRange);
}
