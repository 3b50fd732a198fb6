using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Resources;
using FluentValidation;

namespace BrandPlatform.Study.Features.Activities;

public sealed record MaterialRequest(Guid? MaterialId, string? Title, string? Link)
{
    public MaterialReference ToReference() => new(MaterialId, Title!, Link);
}

public sealed record SpeakerRequest(string? Name, string? Affiliation)
{
    public ExternalSpeaker ToSpeaker() => new(Name!, Affiliation!);
}

public sealed record AudienceRequest(
    AudienceKind? Kind, Guid? UnitId, IReadOnlyList<Guid>? MemberIds, UnitedFrontCategory? UnitedFrontCategory, Guid? OrganisationId = null)
{
    public ActivityAudience ToAudience() => new(Kind!.Value, UnitId, MemberIds ?? [], UnitedFrontCategory, OrganisationId);
}

/// <summary>What a plan says, whether first scheduled or rescheduled.</summary>
public interface IPlanRequest : IBrandReference
{
    string? Topic { get; }
    IReadOnlyList<MaterialRequest>? Materials { get; }
    DateTimeOffset? PlannedStart { get; }
    DateTimeOffset? PlannedEnd { get; }
    string? Place { get; }
    AudienceRequest? Audience { get; }
    IReadOnlyList<SpeakerRequest>? Speakers { get; }
}

public sealed record ScheduleRequest(
    ActivityKind? Kind, Guid? OrganiserUnitId, string? Topic, IReadOnlyList<MaterialRequest>? Materials, DateTimeOffset? PlannedStart,
    DateTimeOffset? PlannedEnd, string? Place, AudienceRequest? Audience, IReadOnlyList<SpeakerRequest>? Speakers = null, Guid? SeriesId = null,
    Guid? BrandId = null, Guid? BrandMeasureId = null) : IPlanRequest;

public sealed record RescheduleRequest(
    string? Topic, IReadOnlyList<MaterialRequest>? Materials, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Place,
    AudienceRequest? Audience, IReadOnlyList<SpeakerRequest>? Speakers = null, Guid? BrandId = null, Guid? BrandMeasureId = null) : IPlanRequest;

/// <summary>What a held record says, whether filed or amended.</summary>
public interface IRecordRequest
{
    DateTimeOffset? HeldAt { get; }
    int? DurationMinutes { get; }
    string? Minutes { get; }
    int? ExternalAttendees { get; }
    IReadOnlyList<MarkRequest>? Attendance { get; }
}

public sealed record HoldRequest(
    DateTimeOffset? HeldAt, int? DurationMinutes, string? Minutes, IReadOnlyList<MarkRequest>? Attendance, int? ExternalAttendees = null)
    : IRecordRequest;

public sealed record AmendRequest(
    DateTimeOffset? HeldAt, int? DurationMinutes, string? Minutes, IReadOnlyList<MarkRequest>? Attendance, string? Reason,
    int? ExternalAttendees = null) : IRecordRequest;

public sealed record CancelRequest(string? Reason);

public sealed record CheckInRequest(string? Code);

public sealed class PlanValidator<T> : AbstractValidator<T> where T : class, IPlanRequest
{
    public PlanValidator()
    {
        RuleFor(r => r.Topic).NotEmpty().MaximumLength(StudyActivity.TopicMaxLength);
        RuleFor(r => r.Place).NotEmpty().MaximumLength(StudyActivity.PlaceMaxLength);
        RuleFor(r => r.PlannedStart).Plausible();
        RuleFor(r => r.PlannedEnd).Plausible();
        RuleFor(r => r.Materials).Must(m => m is null || m.Count <= StudyActivity.MaxMaterials);
        RuleForEach(r => r.Materials).EachValid(new MaterialValidator());
        RuleFor(r => r.Speakers).Must(s => s is null || s.Count <= StudyActivity.MaxSpeakers);
        RuleForEach(r => r.Speakers).EachValid(new SpeakerValidator());
        RuleFor(r => r.Audience).NotNull().SetValidator(new AudienceValidator()!);
        Include(new BrandReferenceValidator());
    }

    private sealed class MaterialValidator : AbstractValidator<MaterialRequest>
    {
        public MaterialValidator()
        {
            RuleFor(m => m.MaterialId).NotEqual(Guid.Empty);
            RuleFor(m => m.Title).NotEmpty().MaximumLength(MaterialReference.TitleMaxLength);
            RuleFor(m => m.Link).MaximumLength(MaterialReference.LinkMaxLength)
                .Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                .When(m => !string.IsNullOrWhiteSpace(m.Link)).WithMessage(_ => ActivityTexts.LinkFormat);
        }
    }

    private sealed class SpeakerValidator : AbstractValidator<SpeakerRequest>
    {
        public SpeakerValidator()
        {
            RuleFor(s => s.Name).NotEmpty().MaximumLength(ExternalSpeaker.NameMaxLength);
            RuleFor(s => s.Affiliation).NotEmpty().MaximumLength(ExternalSpeaker.AffiliationMaxLength);
        }
    }

    private sealed class AudienceValidator : AbstractValidator<AudienceRequest>
    {
        public AudienceValidator()
        {
            RuleFor(a => a.Kind).NotNull();
            RuleFor(a => a.UnitId).NotEqual(Guid.Empty);
            RuleFor(a => a.MemberIds).Must(ids => ids is null || ids.Count <= ActivityAudience.MaxMembers);
            RuleFor(a => a.MemberIds).NotEmpty().When(a => a.Kind == AudienceKind.Members).WithMessage(_ => ActivityTexts.MembersRequired);
            RuleForEach(a => a.MemberIds).NotEqual(Guid.Empty);
            RuleFor(a => a.UnitedFrontCategory).NotNull().When(a => a.Kind == AudienceKind.UnitedFront)
                .WithMessage(_ => ActivityTexts.UnitedFrontCategoryRequired);
            RuleFor(a => a.OrganisationId).Null().When(a => a.Kind != AudienceKind.UnitedFront)
                .WithMessage(_ => ActivityTexts.OrganisationOfUnitedFront);
            RuleFor(a => a.OrganisationId).NotEqual(Guid.Empty);
        }
    }
}

public sealed class ScheduleValidator : AbstractValidator<ScheduleRequest>
{
    public ScheduleValidator()
    {
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.OrganiserUnitId).NotEmpty();
        RuleFor(r => r.SeriesId).NotEqual(Guid.Empty);
        Include(new PlanValidator<ScheduleRequest>());
    }
}

public sealed class RescheduleValidator : AbstractValidator<RescheduleRequest>
{
    public RescheduleValidator() => Include(new PlanValidator<RescheduleRequest>());
}

public sealed class RecordValidator<T> : AbstractValidator<T> where T : IRecordRequest
{
    /// <summary>A whole organ's lecture has a few hundred people; more marks than this are a mistake.</summary>
    public const int MaxMarks = 2000;
    public const int MaxExternalAttendees = 100_000;

    public RecordValidator()
    {
        RuleFor(r => r.HeldAt).Plausible();
        RuleFor(r => r.DurationMinutes).NotNull().InclusiveBetween(1, StudyActivity.MaxDurationMinutes);
        RuleFor(r => r.Minutes).NotEmpty().MaximumLength(StudyActivity.MinutesMaxLength);
        RuleFor(r => r.ExternalAttendees).InclusiveBetween(0, MaxExternalAttendees);
        RuleFor(r => r.Attendance).NotNull().Must(a => a!.Count <= MaxMarks)
            .Must(a => a!.Where(m => m?.PersonId is not null).GroupBy(m => m!.PersonId).All(g => g.Count() == 1))
            .WithMessage(_ => ActivityTexts.MarkedTwice);
        RuleForEach(r => r.Attendance).EachValid(new MarkValidator());
    }
}

public sealed class HoldValidator : AbstractValidator<HoldRequest>
{
    public HoldValidator() => Include(new RecordValidator<HoldRequest>());
}

public sealed class AmendValidator : AbstractValidator<AmendRequest>
{
    public AmendValidator()
    {
        Include(new RecordValidator<AmendRequest>());
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(StudyActivity.ReasonMaxLength);
    }
}

public sealed class CancelValidator : AbstractValidator<CancelRequest>
{
    public CancelValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(StudyActivity.ReasonMaxLength);
}

public sealed class CheckInValidator : AbstractValidator<CheckInRequest>
{
    public CheckInValidator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(CheckInCodes.Length * 2);
}
