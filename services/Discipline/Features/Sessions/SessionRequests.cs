using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Http;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.Sessions;

public sealed record ScheduleSessionRequest(
    Guid? BranchId, string? Topic, IReadOnlyList<Guid>? CaseIds, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Place);

public sealed record HoldSessionRequest(DateTimeOffset? HeldAt, int? DurationMinutes, string? Notes, IReadOnlyList<MarkRequest>? Attendance);

public sealed record CancelSessionRequest(string? Reason);

public sealed record SessionCheckInRequest(string? Code);

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
}

public sealed class CancelSessionValidator : AbstractValidator<CancelSessionRequest>
{
    public CancelSessionValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(WarningSession.ReasonMaxLength);
}

public sealed class SessionCheckInValidator : AbstractValidator<SessionCheckInRequest>
{
    public SessionCheckInValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(CheckInCodes.Length * 2);
}
