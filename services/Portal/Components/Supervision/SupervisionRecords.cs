namespace BrandPlatform.Portal.Components.Supervision;

// What the supervision screens read of /api/supervision's answers (enum values as the API writes them: camelCase codes).

public sealed record SupervisionTask(
    Guid Id, string Title, string Source, DateOnly Deadline, DateOnly FeedbackDue, string State, string? Status);

public sealed record Measure(Guid Id, string Title, DateOnly Deadline, string ExpectedResult);

public sealed record Brand(
    Guid Id, Guid BranchId, string Name, string Field, string Meaning, string Slogan, IReadOnlyList<Measure> Measures, DateTimeOffset RegisteredAt);

public sealed record PlanItem(Guid Id, int Year, int Month, string Title);

public sealed record Highlight(Guid Id, string Title, string Summary, string State, DateTimeOffset SubmittedAt);

public sealed record BrandWork(string Kind, Guid Id, string Title, string State, DateTimeOffset At);

public sealed record BrandPageAnswer(Brand Brand, IReadOnlyList<PlanItem> PlanItems, IReadOnlyList<Highlight> Highlights, IReadOnlyList<BrandWork> Work);

public sealed record ReceivedDocument(
    Guid Id, string Number, string Issuer, string Title, string Priority, DateTimeOffset ReceivedAt, DateTimeOffset Deadline, string State, bool Overdue);

public sealed record OpenAtClose(DateOnly Day, DateTimeOffset ClosesAt, int Count, IReadOnlyList<ReceivedDocument> Documents);

public sealed record DocumentError(
    Guid Id, string DocumentNumber, string DocumentTitle, string ErrorTypeLabel, string FoundBy, string Stage, Guid DepartmentId, string DrafterName,
    DateOnly FoundOn);

public sealed record DocumentErrorFigure(int Month, Guid DepartmentId, string DepartmentName, int Errors);

public sealed record DocumentErrorFigures(int Year, int Total, IReadOnlyList<DocumentErrorFigure> Rows);

// What the office's forms post: exactly the API's requests.

public sealed record CreateTaskBody(
    string Source, string? Title, string? Description, string? Basis, string? MeetingKind, DateOnly? MeetingOn, Guid? OwnerUnitId,
    Guid? OwnerPersonId, DateOnly? Deadline, string FeedbackCadence, IReadOnlyList<MilestoneBody>? Milestones);

/// <summary>A milestone as the API proposes it and takes it back (a class: the form edits it in place).</summary>
public sealed class MilestoneBody
{
    public string? Title { get; set; }
    public DateOnly? Due { get; set; }
}

public sealed record ProposalBody(DateOnly? Deadline, DateOnly? Start, int? Count);

public sealed record MilestoneProposal(DateOnly Start, DateOnly Deadline, IReadOnlyList<MilestoneBody> Milestones);

public sealed record RegisterDocumentBody(string? Number, string? Issuer, string? Title, string? Class, string Priority, DateTimeOffset? ReceivedAt);

public sealed record RegisterBrandBody(Guid? BranchId, string? Name, string? Field, string? Meaning, string? Slogan);

public sealed record RecordDocumentErrorBody(
    string? DocumentNumber, string? DocumentTitle, string? ErrorType, string? Description, string? FoundBy, string Stage, Guid? DepartmentId,
    Guid? DrafterId, DateOnly? FoundOn);

public sealed record DocumentErrorType(string Code, string Label);

/// <summary>A unit or a person of the directory (GET /api/directory/units, /people), as a choice in a form.</summary>
public sealed record DirectoryUnit(Guid Id, string Name);

public sealed record DirectoryPerson(Guid Id, string DisplayName);
