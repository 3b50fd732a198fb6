using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Http;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.Sessions;

public sealed record ScheduleSessionRequest(
    Guid? BranchId, string? Topic, IReadOnlyList<Guid>? CaseIds, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Place);

public sealed record MarkRequest(Guid? PersonId, AttendanceStatus? Status, string? Reason)
{
    public AttendanceMark ToMark() => new(PersonId!.Value, Status!.Value, Reason);
}

public sealed record HoldSessionRequest(DateTimeOffset? HeldAt, int? DurationMinutes, string? Notes, IReadOnlyList<MarkRequest>? Attendance);

public sealed record CancelSessionRequest(string? Reason);

public sealed record SessionCheckInRequest(string? Code);

/// <summary>Instants a person can mean: a typed year 20260 or 0001 would overflow the Beijing-time arithmetic.</summary>
internal static class SessionDates
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IRuleBuilderOptions<T, DateTimeOffset?> Plausible<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.NotNull().Must(d => d >= Earliest && d < Latest).WithMessage(_ => CampaignTexts.DateOutOfRange);
}

public sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSessionRequest>
{
    public ScheduleSessionValidator()
    {
        RuleFor(r => r.BranchId).NotEmpty();
        RuleFor(r => r.Topic).NotEmpty().MaximumLength(WarningSession.TopicMaxLength);
        RuleFor(r => r.Place).NotEmpty().MaximumLength(WarningSession.PlaceMaxLength);
        RuleFor(r => r.PlannedStart).Plausible();
        RuleFor(r => r.PlannedEnd).Plausible();
        RuleFor(r => r.CaseIds).Must(ids => ids is null || ids.Count <= WarningCampaign.MaxCases);
        RuleForEach(r => r.CaseIds).NotEmpty();
    }
}

public sealed class HoldSessionValidator : AbstractValidator<HoldSessionRequest>
{
    /// <summary>A branch has tens of members; more marks than this are a mistake.</summary>
    public const int MaxMarks = 2000;

    public HoldSessionValidator()
    {
        RuleFor(r => r.HeldAt).Plausible();
        RuleFor(r => r.DurationMinutes).NotNull().InclusiveBetween(1, WarningSession.MaxDurationMinutes);
        RuleFor(r => r.Notes).NotEmpty().MaximumLength(WarningSession.NotesMaxLength);
        RuleFor(r => r.Attendance).NotNull().Must(a => a!.Count <= MaxMarks)
            .Must(a => a!.Where(m => m?.PersonId is not null).GroupBy(m => m!.PersonId).All(g => g.Count() == 1))
            .WithMessage(_ => CampaignTexts.MarkedTwice);
        RuleForEach(r => r.Attendance).EachValid(new MarkValidator());
    }

    private sealed class MarkValidator : AbstractValidator<MarkRequest>
    {
        public MarkValidator()
        {
            RuleFor(m => m.PersonId).NotEmpty();
            RuleFor(m => m.Status).NotNull();
            RuleFor(m => m.Reason).NotEmpty().When(m => m.Status == AttendanceStatus.AbsentWithReason).WithMessage(_ => CampaignTexts.ReasonRequiredForLeave);
            RuleFor(m => m.Reason).MaximumLength(AttendanceSheet.ReasonMaxLength);
        }
    }
}

public sealed class CancelSessionValidator : AbstractValidator<CancelSessionRequest>
{
    public CancelSessionValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(WarningSession.ReasonMaxLength);
}

public sealed class SessionCheckInValidator : AbstractValidator<SessionCheckInRequest>
{
    public SessionCheckInValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(CheckInCodes.Length * 2);
}
