using BrandPlatform.Discipline.Domain;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Discipline.Features.Sessions;

/// <summary>
/// A session as a caller may see it. The branch's keepers (and the office) see the whole attendance sheet; a member
/// sees their own line only (others' absences and reasons are personal). The check-in code is never here.
/// </summary>
public sealed record SessionResponse(
    Guid Id, Guid CampaignId, Guid BranchId, string Topic, IReadOnlyList<Guid> CaseIds, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd,
    string Place, SessionState State, SessionRecordResponse? Record, DateTimeOffset? CancelledAt, string? CancelReason,
    DateTimeOffset ScheduledAt, int Version)
{
    public static string ETagOf(WarningSession session) => $"\"{session.Version}\"";

    public static SessionResponse From(WarningSession session, Caller caller) => new(
        session.Id, session.CampaignId, session.BranchId, session.Topic, session.CaseIds, session.PlannedStart, session.PlannedEnd, session.Place,
        session.State,
        session.HeldAt is { } heldAt
            ? new SessionRecordResponse(heldAt, session.DurationMinutes!.Value, session.Notes!,
                caller.KeepsBranch(session.BranchId) ? session.Attendance : [.. session.Attendance.Where(e => e.PersonId == caller.UserId)],
                session.RecordedAt!.Value)
            : null,
        session.CancelledAt, session.CancelReason, session.ScheduledAt, session.Version);
}

public sealed record SessionRecordResponse(
    DateTimeOffset HeldAt, int DurationMinutes, string Notes, IReadOnlyList<AttendanceEntry> Attendance, DateTimeOffset RecordedAt);

public sealed record SessionCheckInCodeResponse(string Code, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

public sealed record SessionCheckInResponse(DateTimeOffset CheckedInAt);
