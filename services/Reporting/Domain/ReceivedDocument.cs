using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Domain;

/// <summary>How fast a received document must be handled: 要事即办, 急事快办, 特事特办, or the same working day (文件不过夜).</summary>
public enum DocumentPriority
{
    Ordinary,
    Important,
    Urgent,
    Special,
}

public enum DocumentState
{
    Received,
    Assigned,
    Handled,
}

/// <summary>办结 (answered) or 归档 (filed): both close the document.</summary>
public enum DocumentOutcome
{
    Answered,
    Filed,
}

/// <summary>
/// A document the office received (收文): registered with its deadline from its priority class, given to a department
/// or a person, read by whoever handles it, then answered or filed. Each step is allowed in certain states only; any
/// other is refused with 409 naming the state.
/// </summary>
public sealed class ReceivedDocument : Aggregate
{
    public const int NumberMaxLength = 50;
    public const int IssuerMaxLength = 100;
    public const int TitleMaxLength = 200;
    public const int ClassMaxLength = 50;
    public const int NoteMaxLength = 1000;

    private readonly List<DocumentRead> reads = [];

    private ReceivedDocument() { }

    public Guid Id { get; private set; }
    /// <summary>文号.</summary>
    public string Number { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>收文类别 (the office's own classes: 上级来文, 平级来文, 会议通知, ...).</summary>
    public string Class { get; private set; } = "";
    public DocumentPriority Priority { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset Deadline { get; private set; }
    public DocumentState State { get; private set; }
    public Guid? AssigneeUnitId { get; private set; }
    public Guid? AssigneePersonId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public IReadOnlyList<DocumentRead> Reads => reads;
    public DocumentOutcome? Outcome { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public string? HandledBy { get; private set; }
    public string? Note { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    /// <summary>The record's edit counter: the ETag, and what If-Match compares.</summary>
    public int Version { get; private set; }

    public static ReceivedDocument Register(
        string number, string issuer, string title, string documentClass, DocumentPriority priority, DateTimeOffset receivedAt,
        DateTimeOffset deadline, string actor, DateTimeOffset now)
    {
        var document = new ReceivedDocument
        {
            Id = Guid.CreateVersion7(now),
            Number = number.Trim(),
            Issuer = issuer.Trim(),
            Title = title.Trim(),
            Class = documentClass.Trim(),
            Priority = priority,
            ReceivedAt = receivedAt.ToUniversalTime(),
            Deadline = deadline,
            State = DocumentState.Received,
            RegisteredBy = actor,
            Version = 1,
        };
        document.Raise(document.Stamp(new DocumentReceived { OccurredAt = now }));
        return document;
    }

    /// <summary>Gives the document to a department, a person, or both; a later assignment replaces the earlier one.</summary>
    public void Assign(Guid? unitId, Guid? personId, DateTimeOffset now)
    {
        RequireState(nameof(DocumentTexts.StepAssign), DocumentState.Received, DocumentState.Assigned);
        AssigneeUnitId = unitId;
        AssigneePersonId = personId;
        AssignedAt = now;
        State = DocumentState.Assigned;
        Version++;
        Raise(Stamp(new DocumentAssigned { OccurredAt = now }));
    }

    /// <summary>Records that a person read it (签阅); reading twice keeps the first time.</summary>
    public void MarkRead(Guid personId, string displayName, DateTimeOffset now)
    {
        RequireState(nameof(DocumentTexts.StepRead), DocumentState.Assigned);
        if (reads.Any(r => r.PersonId == personId))
        {
            return;
        }
        reads.Add(new DocumentRead(personId, displayName, now));
        Version++;
    }

    public void Handle(DocumentOutcome outcome, string? note, string actor, DateTimeOffset now)
    {
        RequireState(nameof(DocumentTexts.StepHandle), DocumentState.Assigned);
        Outcome = outcome;
        HandledAt = now;
        HandledBy = actor;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        State = DocumentState.Handled;
        Version++;
        Raise(Stamp(new DocumentHandled { OccurredAt = now, Outcome = outcome.ToCode(), HandledAt = now, OnTime = now <= Deadline }));
    }

    public bool IsAssignedTo(Guid? personId, IReadOnlySet<Guid> unitIds) =>
        (personId is not null && AssigneePersonId == personId) || (AssigneeUnitId is { } unit && unitIds.Contains(unit));

    private void RequireState(string step, params DocumentState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw StepRefused(step, State);
        }
    }

    /// <summary>The 409 of a step (a DocumentTexts key) the document's state does not allow.</summary>
    public static RuleViolation StepRefused(string step, DocumentState state) => new(
        DocumentTexts.ResourceManager.Text(nameof(DocumentTexts.StepNotAllowed_Title)),
        DocumentTexts.ResourceManager.Text(nameof(DocumentTexts.StepNotAllowed_Detail), DocumentTexts.ResourceManager.Text(step), state));

    private T Stamp<T>(T integrationEvent) where T : ReceivedDocumentEvent => integrationEvent with
    {
        DocumentId = Id,
        Number = Number,
        Title = Title,
        Priority = Priority.ToCode(),
        ReceivedAt = ReceivedAt,
        Deadline = Deadline,
        AssigneeUnitId = AssigneeUnitId,
        AssigneePersonId = AssigneePersonId,
        State = State.ToCode(),
    };
}

/// <summary>Who read a document, and when.</summary>
public sealed class DocumentRead
{
    private DocumentRead() { }

    internal DocumentRead(Guid personId, string displayName, DateTimeOffset readAt)
    {
        PersonId = personId;
        DisplayName = displayName;
        ReadAt = readAt;
    }

    public Guid PersonId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateTimeOffset ReadAt { get; private set; }
}

/// <summary>
/// One reminder that a document was still open at a working day's close: at most one per document and day (a unique
/// index), so the scheduler's passes and instances never remind twice.
/// </summary>
public sealed class DocumentReminder : Aggregate
{
    private DocumentReminder() { }

    public Guid Id { get; private set; }
    public Guid DocumentId { get; private set; }
    public DateOnly Day { get; private set; }
    public Guid? AssigneeUnitId { get; private set; }
    public Guid? AssigneePersonId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static DocumentReminder Due(ReceivedDocument document, DateOnly day, DateTimeOffset now)
    {
        var reminder = new DocumentReminder
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = document.Id,
            Day = day,
            AssigneeUnitId = document.AssigneeUnitId,
            AssigneePersonId = document.AssigneePersonId,
            CreatedAt = now,
        };
        reminder.Raise(new DocumentReminderDue
        {
            OccurredAt = now,
            ReminderId = reminder.Id,
            DocumentId = document.Id,
            Day = day,
            Number = document.Number,
            Title = document.Title,
            AssigneeUnitId = document.AssigneeUnitId,
            AssigneePersonId = document.AssigneePersonId,
        });
        return reminder;
    }
}
