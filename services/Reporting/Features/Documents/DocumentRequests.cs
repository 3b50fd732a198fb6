using BrandPlatform.Platform.Attendance;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Resources;
using FluentValidation;

namespace BrandPlatform.Reporting.Features.Documents;

/// <param name="Class">收文类别, the office's own classification (上级来文, 会议通知, ...).</param>
/// <param name="Priority">important (要事即办), urgent (急事快办), special (特事特办) or ordinary (the same working day: 文件不过夜).</param>
public sealed record RegisterDocumentRequest(
    string? Number, string? Issuer, string? Title, string? Class, DocumentPriority? Priority, DateTimeOffset? ReceivedAt);

/// <summary>A department, a person, or both.</summary>
public sealed record AssignDocumentRequest(Guid? UnitId, Guid? PersonId);

public sealed record HandleDocumentRequest(DocumentOutcome? Outcome, string? Note);

public sealed class RegisterDocumentValidator : AbstractValidator<RegisterDocumentRequest>
{
    public RegisterDocumentValidator()
    {
        RuleFor(r => r.Number).NotEmpty().MaximumLength(ReceivedDocument.NumberMaxLength);
        RuleFor(r => r.Issuer).NotEmpty().MaximumLength(ReceivedDocument.IssuerMaxLength);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(ReceivedDocument.TitleMaxLength);
        RuleFor(r => r.Class).NotEmpty().MaximumLength(ReceivedDocument.ClassMaxLength);
        RuleFor(r => r.Priority).NotNull().IsInEnum();
        RuleFor(r => r.ReceivedAt).Plausible().When(r => r.ReceivedAt is not null);
    }
}

public sealed class AssignDocumentValidator : AbstractValidator<AssignDocumentRequest>
{
    public AssignDocumentValidator()
    {
        RuleFor(r => r.UnitId).Must((r, unit) => unit is not null || r.PersonId is not null).WithMessage(_ => DocumentTexts.AssigneeRequired);
        RuleFor(r => r.UnitId).Must(id => id != Guid.Empty).When(r => r.UnitId is not null);
        RuleFor(r => r.PersonId).Must(id => id != Guid.Empty).When(r => r.PersonId is not null);
    }
}

public sealed class HandleDocumentValidator : AbstractValidator<HandleDocumentRequest>
{
    public HandleDocumentValidator()
    {
        RuleFor(r => r.Outcome).NotNull().IsInEnum();
        RuleFor(r => r.Note).MaximumLength(ReceivedDocument.NoteMaxLength);
    }
}
