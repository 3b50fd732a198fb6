using BrandPlatform.Reporting.Domain;
using FluentValidation;

namespace BrandPlatform.Reporting.Features.DocumentErrors;

/// <param name="ErrorType">A code of Supervision:DocumentErrors:Types (GET /document-errors/types).</param>
/// <param name="DepartmentId">The responsible department (a department of the directory).</param>
/// <param name="DrafterId">The person who drafted the document (on some unit's roster).</param>
/// <param name="FoundOn">The China date it was found (default: today).</param>
public sealed record RecordDocumentErrorRequest(
    string? DocumentNumber, string? DocumentTitle, string? ErrorType, string? Description, string? FoundBy, ErrorStage? Stage,
    Guid? DepartmentId, Guid? DrafterId, DateOnly? FoundOn);

public sealed class RecordDocumentErrorValidator : AbstractValidator<RecordDocumentErrorRequest>
{
    public RecordDocumentErrorValidator()
    {
        RuleFor(r => r.DocumentNumber).NotEmpty().MaximumLength(DocumentErrorReport.NumberMaxLength);
        RuleFor(r => r.DocumentTitle).NotEmpty().MaximumLength(DocumentErrorReport.TitleMaxLength);
        RuleFor(r => r.ErrorType).NotEmpty().MaximumLength(DocumentErrorReport.TypeMaxLength);
        RuleFor(r => r.Description).MaximumLength(DocumentErrorReport.DescriptionMaxLength);
        RuleFor(r => r.FoundBy).NotEmpty().MaximumLength(DocumentErrorReport.FoundByMaxLength);
        RuleFor(r => r.Stage).NotNull().IsInEnum();
        RuleFor(r => r.DepartmentId).NotEmpty();
        RuleFor(r => r.DrafterId).NotEmpty();
        RuleFor(r => r.FoundOn).Must(d => d is null || d.Value.Year is >= 2000 and < 2100);
    }
}
