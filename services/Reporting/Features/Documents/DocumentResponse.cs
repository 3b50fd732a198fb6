using BrandPlatform.Reporting.Domain;

namespace BrandPlatform.Reporting.Features.Documents;

public sealed record DocumentReadResponse(Guid PersonId, string DisplayName, DateTimeOffset ReadAt);

/// <param name="Overdue">Not handled by its deadline (handled late, or still open after it).</param>
public sealed record DocumentResponse(
    Guid Id, string Number, string Issuer, string Title, string Class, DocumentPriority Priority, DateTimeOffset ReceivedAt, DateTimeOffset Deadline,
    DocumentState State, Guid? AssigneeUnitId, Guid? AssigneePersonId, DateTimeOffset? AssignedAt, IReadOnlyList<DocumentReadResponse> Reads,
    DocumentOutcome? Outcome, DateTimeOffset? HandledAt, string? Note, bool Overdue, int Version)
{
    public static string ETagOf(ReceivedDocument document) => $"\"{document.Version}\"";

    public static DocumentResponse From(ReceivedDocument d, DateTimeOffset now) => new(
        d.Id, d.Number, d.Issuer, d.Title, d.Class, d.Priority, d.ReceivedAt, d.Deadline, d.State, d.AssigneeUnitId, d.AssigneePersonId, d.AssignedAt,
        [.. d.Reads.OrderBy(r => r.ReadAt).Select(r => new DocumentReadResponse(r.PersonId, r.DisplayName, r.ReadAt))],
        d.Outcome, d.HandledAt, d.Note, (d.HandledAt ?? now) > d.Deadline, d.Version);
}

/// <summary>The documents still open at a working day's close (文件不过夜): what the office chases before leaving.</summary>
public sealed record OpenAtCloseResponse(DateOnly Day, DateTimeOffset ClosesAt, int Count, IReadOnlyList<DocumentResponse> Documents);
