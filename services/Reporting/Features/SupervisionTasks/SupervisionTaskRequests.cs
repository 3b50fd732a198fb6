using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Resources;
using FluentValidation;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <param name="Start">The day planning starts from (default today); milestones fall on working days after it.</param>
/// <param name="Count">How many milestones (default 4).</param>
public sealed record ProposeMilestonesRequest(DateOnly? Deadline, DateOnly? Start, int? Count);

public sealed record MilestoneRequest(Guid? Id, string? Title, DateOnly? Due);

public sealed record AttachmentRequest(string? Name, long? Size, string? ContentType, string? Sha256)
{
    public AttachmentMeta ToMeta() => new(Name!.Trim(), Size!.Value, ContentType!.Trim(), Sha256!.ToLowerInvariant());
}

/// <param name="Basis">The decision's meeting, the upper-level document, or the rectification's finding.</param>
/// <param name="MeasureId">For source brandMeasure: the measure; its title, owner and deadline fill what the request leaves out.</param>
/// <param name="MeetingKind">For source rectification: democraticLife (民主生活会) or organisationalLife (组织生活会).</param>
public sealed record CreateTaskRequest(
    TaskSource? Source, string? Title, string? Description, string? Basis, Guid? MeasureId, RectificationMeeting? MeetingKind, DateOnly? MeetingOn,
    Guid? OwnerUnitId, Guid? OwnerPersonId, DateOnly? Deadline, FeedbackCadence? FeedbackCadence, IReadOnlyList<MilestoneRequest>? Milestones);

public sealed record AdjustMilestonesRequest(IReadOnlyList<MilestoneRequest>? Milestones);

public sealed record FeedbackRequest(string? Text, string? Progress, IReadOnlyList<Guid>? MilestonesReached, IReadOnlyList<AttachmentRequest>? Attachments);

public sealed record ClosureRequest(string? Evidence, IReadOnlyList<AttachmentRequest>? Attachments);

public sealed record ReturnClosureRequest(string? Reason);

/// <param name="Note">The office's acceptance note (验收意见), if any.</param>
public sealed record AcceptClosureRequest(string? Note);

public sealed class ProposeMilestonesValidator : AbstractValidator<ProposeMilestonesRequest>
{
    public ProposeMilestonesValidator()
    {
        RuleFor(r => r.Deadline).NotNull().InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(r => r.Start).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(r => r.Count).InclusiveBetween(1, SupervisionTask.MaxMilestones);
    }
}

public sealed class MilestoneValidator : AbstractValidator<MilestoneRequest>
{
    public MilestoneValidator()
    {
        RuleFor(m => m.Title).NotEmpty().MaximumLength(SupervisionTask.TitleMaxLength);
        RuleFor(m => m.Due).NotNull();
    }
}

public sealed class AttachmentValidator : AbstractValidator<AttachmentRequest>
{
    /// <summary>Files the office keeps are documents and photos; anything larger is a mistake in the metadata.</summary>
    public const long MaxSize = 200L * 1024 * 1024;

    public AttachmentValidator()
    {
        RuleFor(a => a.Name).NotEmpty().MaximumLength(255);
        RuleFor(a => a.Size).NotNull().InclusiveBetween(0, MaxSize);
        RuleFor(a => a.ContentType).NotEmpty().MaximumLength(127).Matches("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+$");
        RuleFor(a => a.Sha256).NotEmpty().Matches("^[0-9a-fA-F]{64}$");
    }
}

public sealed class CreateTaskValidator : AbstractValidator<CreateTaskRequest>
{
    public CreateTaskValidator()
    {
        RuleFor(r => r.Source).NotNull().NotEqual(TaskSource.PracticalMatter).WithMessage(SupervisionTaskTexts.PracticalMatterNotByHand);
        // A measure's task takes its title, owner and deadline from the measure unless the request names them.
        When(r => r.Source != TaskSource.BrandMeasure, () =>
        {
            RuleFor(r => r.Title).NotEmpty();
            RuleFor(r => r.OwnerUnitId).NotEmpty();
            RuleFor(r => r.Deadline).NotNull();
        });
        RuleFor(r => r.Title).MaximumLength(SupervisionTask.TitleMaxLength);
        RuleFor(r => r.Description).MaximumLength(SupervisionTask.TextMaxLength);
        RuleFor(r => r.Basis).MaximumLength(SupervisionTask.TitleMaxLength);
        RuleFor(r => r.MeasureId).NotEmpty().When(r => r.Source == TaskSource.BrandMeasure);
        RuleFor(r => r.MeasureId).Null().When(r => r.Source != TaskSource.BrandMeasure);
        RuleFor(r => r.MeetingKind).NotNull().When(r => r.Source == TaskSource.Rectification);
        RuleFor(r => r.MeetingOn).NotNull().When(r => r.Source == TaskSource.Rectification);
        RuleFor(r => r.MeetingKind).Null().When(r => r.Source != TaskSource.Rectification);
        RuleFor(r => r.MeetingOn).Null().When(r => r.Source != TaskSource.Rectification);
        RuleFor(r => r.Deadline).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(r => r.FeedbackCadence).NotNull();
        RuleFor(r => r.Milestones).Must(m => m is null || m.Count <= SupervisionTask.MaxMilestones);
        RuleForEach(r => r.Milestones).EachValid(new MilestoneValidator());
        RuleForEach(r => r.Milestones).Must(m => m?.Id is null);
    }
}

public sealed class AdjustMilestonesValidator : AbstractValidator<AdjustMilestonesRequest>
{
    public AdjustMilestonesValidator()
    {
        RuleFor(r => r.Milestones).NotNull().Must(m => m!.Count <= SupervisionTask.MaxMilestones)
            .Must(m => m!.Where(x => x?.Id is not null).GroupBy(x => x!.Id).All(g => g.Count() == 1));
        RuleForEach(r => r.Milestones).EachValid(new MilestoneValidator());
    }
}

public sealed class FeedbackValidator : AbstractValidator<FeedbackRequest>
{
    public FeedbackValidator()
    {
        RuleFor(r => r.Text).NotEmpty().MaximumLength(SupervisionTask.TextMaxLength);
        RuleFor(r => r.Progress).MaximumLength(SupervisionTask.ProgressMaxLength);
        RuleFor(r => r.MilestonesReached).Must(m => m is null || m.Count <= SupervisionTask.MaxMilestones);
        RuleFor(r => r.Attachments).Must(a => a is null || a.Count <= SupervisionTask.MaxAttachments);
        RuleForEach(r => r.Attachments).EachValid(new AttachmentValidator());
    }
}

public sealed class ClosureValidator : AbstractValidator<ClosureRequest>
{
    public ClosureValidator()
    {
        RuleFor(r => r.Evidence).NotEmpty().MaximumLength(SupervisionTask.TextMaxLength);
        RuleFor(r => r.Attachments).Must(a => a is null || a.Count <= SupervisionTask.MaxAttachments);
        RuleForEach(r => r.Attachments).EachValid(new AttachmentValidator());
    }
}

public sealed class AcceptClosureValidator : AbstractValidator<AcceptClosureRequest>
{
    public AcceptClosureValidator() => RuleFor(r => r.Note).MaximumLength(SupervisionTask.TextMaxLength);
}

public sealed class ReturnClosureValidator : AbstractValidator<ReturnClosureRequest>
{
    public ReturnClosureValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(SupervisionTask.TextMaxLength);
}
