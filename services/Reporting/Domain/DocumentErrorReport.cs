using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Reporting.Domain;

/// <summary>Where an error was caught: at the review before issue (核稿) or in the issued document.</summary>
public enum ErrorStage
{
    PreIssue,
    PostIssue,
}

/// <summary>
/// An error found in an outgoing document (错情): which document, what kind of error, who found it and when, and the
/// department and drafter responsible. The office records them; the month's errors make each department's 错情通报.
/// </summary>
public sealed class DocumentErrorReport : Aggregate
{
    public const int NumberMaxLength = ReceivedDocument.NumberMaxLength;
    public const int TitleMaxLength = ReceivedDocument.TitleMaxLength;
    public const int TypeMaxLength = 32;
    public const int FoundByMaxLength = 50;
    public const int DescriptionMaxLength = 1000;

    private DocumentErrorReport() { }

    public Guid Id { get; private set; }
    public string DocumentNumber { get; private set; } = "";
    public string DocumentTitle { get; private set; } = "";
    /// <summary>A code of Supervision:DocumentErrors:Types.</summary>
    public string ErrorType { get; private set; } = "";
    public string? Description { get; private set; }
    public string FoundBy { get; private set; } = "";
    public ErrorStage Stage { get; private set; }
    public Guid DepartmentId { get; private set; }
    public Guid DrafterId { get; private set; }
    public string DrafterName { get; private set; } = "";
    /// <summary>A China date.</summary>
    public DateOnly FoundOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static DocumentErrorReport Record(
        string documentNumber, string documentTitle, string errorType, string? description, string foundBy, ErrorStage stage, Guid departmentId,
        Guid drafterId, string drafterName, DateOnly foundOn, string actor, DateTimeOffset now)
    {
        var report = new DocumentErrorReport
        {
            Id = Guid.CreateVersion7(now),
            DocumentNumber = documentNumber.Trim(),
            DocumentTitle = documentTitle.Trim(),
            ErrorType = errorType,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            FoundBy = foundBy.Trim(),
            Stage = stage,
            DepartmentId = departmentId,
            DrafterId = drafterId,
            DrafterName = drafterName,
            FoundOn = foundOn,
            RecordedBy = actor,
            RecordedAt = now,
        };
        report.Raise(new DocumentErrorRecorded
        {
            OccurredAt = now,
            ErrorId = report.Id,
            DocumentNumber = report.DocumentNumber,
            ErrorType = errorType,
            Stage = stage.ToCode(),
            DepartmentId = departmentId,
            DrafterId = drafterId,
            FoundOn = foundOn,
        });
        return report;
    }
}
