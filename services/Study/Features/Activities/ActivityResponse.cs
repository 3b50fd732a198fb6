using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;

namespace BrandPlatform.Study.Features.Activities;

/// <summary>
/// An activity as a caller may see it: the plan, the state, the record and its amendments (each with the record as it
/// was). Only those who keep the record see the whole attendance sheet; everyone else sees their own line. The
/// check-in code is never here (keepers read it from its own endpoint, to show in the room).
/// </summary>
public sealed record ActivityResponse(
    Guid Id, ActivityKind Kind, Guid OrganiserUnitId, Guid? BranchId, string Topic, IReadOnlyList<MaterialReference> Materials,
    DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, string Place, ActivityAudience Audience, IReadOnlyList<ExternalSpeaker> Speakers,
    Guid? SeriesId, Guid? BrandId, Guid? BrandMeasureId, ActivityState State, RecordResponse? Record, IReadOnlyList<AmendmentResponse> Amendments, DateTimeOffset? CancelledAt,
    string? CancelReason, DateTimeOffset ScheduledAt, int Version)
{
    public static string ETagOf(StudyActivity activity) => $"\"{activity.Version}\"";

    public static ActivityResponse From(StudyActivity activity, Caller caller)
    {
        var sheet = SheetFor(activity, caller);
        return new(activity.Id, activity.Kind, activity.OrganiserUnitId, activity.BranchId, activity.Topic, activity.Materials,
            activity.PlannedStart, activity.PlannedEnd, activity.Place, activity.Audience, activity.Speakers, activity.SeriesId,
            activity.BrandId, activity.BrandMeasureId, activity.State,
            activity.Record is { } record
                ? new RecordResponse(record.HeldAt, record.DurationMinutes, record.Minutes, record.ExternalAttendees, sheet(record.Attendance),
                    activity.RecordedAt!.Value, activity.RecordDue!.Value, activity.RecordedLate)
                : null,
            [.. activity.Amendments.Select(a => new AmendmentResponse(a.At, a.Reason, a.Before with { Attendance = sheet(a.Before.Attendance) }))],
            activity.CancelledAt, activity.CancelReason, activity.ScheduledAt, activity.Version);
    }

    /// <summary>Keepers see every line; anyone else only their own (others' absences and reasons are personal).</summary>
    private static Func<IReadOnlyList<AttendanceEntry>, IReadOnlyList<AttendanceEntry>> SheetFor(StudyActivity activity, Caller caller) =>
        caller.Keeps(activity) ? sheet => sheet : sheet => [.. sheet.Where(e => e.PersonId == caller.UserId)];
}

public sealed record RecordResponse(
    DateTimeOffset HeldAt, int DurationMinutes, string Minutes, int ExternalAttendees, IReadOnlyList<AttendanceEntry> Attendance,
    DateTimeOffset RecordedAt, DateOnly RecordDue, bool RecordedLate);

/// <summary>A correction: when, why, and the record as it was before it.</summary>
public sealed record AmendmentResponse(DateTimeOffset At, string Reason, HeldRecord Before);

public sealed record CheckInCodeResponse(string Code, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

public sealed record CheckInResponse(DateTimeOffset CheckedInAt);
