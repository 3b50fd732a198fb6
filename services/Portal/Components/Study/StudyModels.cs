namespace BrandPlatform.Portal.Components.Study;

// The study API's answers as the screens read them (services/Study: Branches, CalendarQueries, ActivityResponse,
// ComplianceEndpoints). Enum values stay the API's camelCase codes; StudyText names them in the person's language.

public sealed record BranchItem(Guid Id, string Name, int CurrentMembers);

public sealed record MemberItem(Guid PersonId, string DisplayName, DateOnly? JoinedOn);

public sealed record ActivityItem(
    Guid Id, string Kind, string Topic, Guid OrganiserUnitId, string OrganiserUnitName, DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd, string Place, string State, string AudienceKind);

public sealed record OwnAttendance(string Status, string? Reason, DateTimeOffset? CheckedInAt);

public sealed record MyActivityItem(ActivityItem Activity, OwnAttendance? MyAttendance);

public sealed record AudienceView(string Kind, Guid? UnitId, IReadOnlyList<Guid> MemberIds);

public sealed record AttendanceLine(Guid PersonId, string DisplayName, string Status, string? Reason, string Source, DateTimeOffset? CheckedInAt);

public sealed record RecordView(
    DateTimeOffset HeldAt, int DurationMinutes, string Minutes, int ExternalAttendees, IReadOnlyList<AttendanceLine> Attendance,
    DateTimeOffset RecordedAt, DateOnly RecordDue, bool RecordedLate);

public sealed record ActivityView(
    Guid Id, string Kind, Guid OrganiserUnitId, Guid? BranchId, string Topic, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd,
    string Place, AudienceView Audience, string State, RecordView? Record, DateTimeOffset? CancelledAt, string? CancelReason);

public sealed record CheckInCodeView(string Code, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

public sealed record CheckInView(DateTimeOffset CheckedInAt);

public sealed record RequirementView(string Kind, Guid UnitId, string UnitName, string Period, DateOnly From, DateOnly To, int Required, int Held, string Status);

public sealed record FindingView(string Kind, string Text, Guid? ActivityId);

public sealed record ComplianceView(
    Guid UnitId, string UnitName, int Year, int Quarter, bool Compliant, IReadOnlyList<RequirementView> Requirements, IReadOnlyList<FindingView> Findings);

public sealed record PersonView(Guid PersonId, string DisplayName);

public sealed record CoverageView(Guid BranchId, DateOnly From, DateOnly To, int Members, int Covered, IReadOnlyList<PersonView> NotCovered);

// What the screens send: exactly the fields of the API's requests that the forms offer.

public sealed record AudienceBody(string Kind, IReadOnlyList<Guid>? MemberIds);

public sealed record ScheduleBody(
    string? Kind, Guid OrganiserUnitId, string? Topic, DateTimeOffset? PlannedStart, DateTimeOffset? PlannedEnd, string? Place, AudienceBody Audience);

public sealed record MarkBody(Guid PersonId, string Status, string? Reason);

public sealed record HoldBody(DateTimeOffset? HeldAt, int? DurationMinutes, string? Minutes, IReadOnlyList<MarkBody> Attendance);

public sealed record CheckInBody(string? Code);

// The discipline API's answers for a member's own page (services/Discipline: CoverageEndpoints, Pledges).

public sealed record CampaignOfYear(Guid CampaignId, int Quarter, string Theme, DateOnly ReferenceDay);

public sealed record CampaignStanding(Guid CampaignId, int Quarter, bool Counted, bool Attended, bool MadeUp, bool QuizPassed, bool Covered);

public sealed record MyIntegrityCoverage(int Year, IReadOnlyList<CampaignOfYear> Campaigns, IReadOnlyList<CampaignStanding> Standings, bool PledgeSigned,
    DateTimeOffset? PledgeSignedAt);

public sealed record PledgeTextView(Guid Id, int Year, string Title, string Body);

public sealed record SignatureView(DateTimeOffset SignedAt);

public sealed record MyPledge(int Year, PledgeTextView Text, SignatureView? Signature);
