using System.Globalization;
using System.Security.Cryptography;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Resources;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Attendance;

// Attendance works the same way wherever people meet to study (study activities, warning-education sessions): the
// people expected from the rosters, what the secretary marks in bulk, and what members checked in with the session's
// code, compiled into one sheet when the record is filed.

public enum AttendanceStatus
{
    Present,
    /// <summary>请假: absent with a reason the secretary accepted.</summary>
    AbsentWithReason,
    Absent,
}

/// <summary>How a person's attendance came to be known.</summary>
public enum AttendanceSource
{
    /// <summary>Marked by the secretary or party-affairs officer (or the office) when filing the record.</summary>
    Keeper,
    /// <summary>The member checked in with the session's code during its window.</summary>
    CheckIn,
    /// <summary>Expected from the roster and neither marked nor checked in: absent.</summary>
    Roster,
}

/// <summary>One person's line on an attendance sheet.</summary>
public sealed record AttendanceEntry(
    Guid PersonId, string DisplayName, AttendanceStatus Status, string? Reason, AttendanceSource Source, DateTimeOffset? CheckedInAt);

/// <summary>What a keeper says of one person when filing the record.</summary>
public sealed record AttendanceMark(Guid PersonId, AttendanceStatus Status, string? Reason);

/// <summary>A member's check-in at a session, with the session's code, during its window.</summary>
public sealed class CheckIn
{
    private CheckIn() { }

    public CheckIn(Guid sessionId, Guid personId, string displayName, DateTimeOffset at)
    {
        SessionId = sessionId;
        PersonId = personId;
        // A name from a token may be longer than the roster's column: the check-in keeps what the column holds.
        DisplayName = displayName[..Math.Min(displayName.Length, UnitMember.DisplayNameMaxLength)];
        // PostgreSQL keeps microseconds: the time answered now is the time read back later.
        At = at.AddTicks(-(at.Ticks % 10));
    }

    public Guid SessionId { get; private set; }
    public Guid PersonId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

public static class AttendanceSheet
{
    public const int ReasonMaxLength = 200;

    /// <summary>
    /// The sheet of a session: everyone expected, marked or checked in, once. A keeper's mark decides (a member who
    /// checked in and left at once can be marked absent); otherwise a check-in is presence; otherwise an expected person
    /// is absent. Ordered by name, as the ledger prints it.
    /// </summary>
    /// <param name="names">Display names of everyone who may appear (the expected and those marked).</param>
    public static IReadOnlyList<AttendanceEntry> Compile(
        IEnumerable<Guid> expected, IEnumerable<AttendanceMark> marks, IEnumerable<CheckIn> checkIns, IReadOnlyDictionary<Guid, string> names)
    {
        var sheet = new Dictionary<Guid, AttendanceEntry>();
        var checkedIn = checkIns.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.Min(c => c.At));
        string Name(Guid person) => names.GetValueOrDefault(person) ?? "";
        foreach (var person in expected)
        {
            sheet[person] = checkedIn.TryGetValue(person, out var at)
                ? new AttendanceEntry(person, Name(person), AttendanceStatus.Present, null, AttendanceSource.CheckIn, at)
                : new AttendanceEntry(person, Name(person), AttendanceStatus.Absent, null, AttendanceSource.Roster, null);
        }
        foreach (var (person, at) in checkedIn.Where(c => !sheet.ContainsKey(c.Key)))
        {
            sheet[person] = new AttendanceEntry(person, Name(person), AttendanceStatus.Present, null, AttendanceSource.CheckIn, at);
        }
        foreach (var mark in marks)
        {
            sheet[mark.PersonId] = new AttendanceEntry(mark.PersonId, Name(mark.PersonId), mark.Status,
                mark.Status == AttendanceStatus.Present ? null : mark.Reason?.Trim(), AttendanceSource.Keeper,
                checkedIn.TryGetValue(mark.PersonId, out var at) ? at : null);
        }
        return [.. sheet.Values.OrderBy(e => e.DisplayName, StringComparer.Ordinal).ThenBy(e => e.PersonId)];
    }

    public static IReadOnlyList<Guid> WithStatus(this IEnumerable<AttendanceEntry> sheet, AttendanceStatus status) =>
        [.. sheet.Where(e => e.Status == status).Select(e => e.PersonId)];
}

/// <summary>
/// A session's check-in code and the window it is accepted in: from <see cref="OpensBefore"/> before the planned start
/// to the planned end. Six digits, so a member types it from the screen at the front of the room.
/// </summary>
public static class CheckInCodes
{
    public const int Length = 6;
    public static readonly TimeSpan OpensBefore = TimeSpan.FromMinutes(30);

    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsOpen(DateTimeOffset plannedStart, DateTimeOffset plannedEnd, DateTimeOffset now) =>
        now >= plannedStart - OpensBefore && now <= plannedEnd;

    /// <summary>Refuses a check-in outside the window (409), saying when it opens or when it closed, in Beijing time.</summary>
    public static void RequireOpen(DateTimeOffset plannedStart, DateTimeOffset plannedEnd, DateTimeOffset now)
    {
        if (!IsOpen(plannedStart, plannedEnd, now))
        {
            throw now < plannedStart ? NotYetOpen(plannedStart, plannedEnd) : Closed(plannedEnd);
        }
    }

    public static RuleViolation NotYetOpen(DateTimeOffset plannedStart, DateTimeOffset plannedEnd) => new(
        PlatformTexts.ResourceManager.Text(nameof(PlatformTexts.CheckInNotYetOpen_Title)),
        PlatformTexts.ResourceManager.Text(nameof(PlatformTexts.CheckInNotYetOpen_Detail), BeijingTime(plannedStart - OpensBefore), BeijingTime(plannedEnd)));

    public static RuleViolation Closed(DateTimeOffset plannedEnd) => new(
        PlatformTexts.ResourceManager.Text(nameof(PlatformTexts.CheckInClosed_Title)),
        PlatformTexts.ResourceManager.Text(nameof(PlatformTexts.CheckInClosed_Detail), BeijingTime(plannedEnd)));

    private static string BeijingTime(DateTimeOffset instant) => instant.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Compares in constant time, so the answer's timing does not tell how many digits were right.</summary>
    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expected), System.Text.Encoding.ASCII.GetBytes(given.Trim()));
}

public static class AttendanceModel
{
    /// <summary>
    /// Records a check-in unless the person has one for the session already, in one statement that never conflicts
    /// (hundreds check in within a minute); answers when the person first checked in.
    /// </summary>
    public static async Task<DateTimeOffset> CheckInOnceAsync(this DbContext db, CheckIn checkIn, CancellationToken cancellationToken)
    {
        // The table is the model's (AddCheckIns names it), never the caller's; the values are parameters.
        var insert = $"insert into \"{db.Model.FindEntityType(typeof(CheckIn))!.GetTableName()}\" (session_id, person_id, display_name, at) " +
            "values ({0}, {1}, {2}, {3}) on conflict do nothing";
        var inserted = await db.Database.ExecuteSqlRawAsync(insert, [checkIn.SessionId, checkIn.PersonId, checkIn.DisplayName, checkIn.At], cancellationToken);
        return inserted == 1
            ? checkIn.At
            : await db.Set<CheckIn>().Where(c => c.SessionId == checkIn.SessionId && c.PersonId == checkIn.PersonId).Select(c => c.At)
                .SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The sheet a keeper files for a session: everyone <paramref name="expected"/> (person → roster name), the keeper's
    /// marks and the session's check-ins. A mark for a person no roster knows is answered with its index (a mistyped
    /// id, not a guest) and no sheet.
    /// </summary>
    public static async Task<(IReadOnlyList<AttendanceEntry>? Sheet, int? UnknownMark)> CompileSheetAsync<TDbContext>(
        this TDbContext db, Guid sessionId, IReadOnlyDictionary<Guid, string> expected, IReadOnlyList<AttendanceMark> marks,
        CancellationToken cancellationToken) where TDbContext : DbContext, IUnitRosters
    {
        var names = new Dictionary<Guid, string>(expected);
        var others = marks.Select(m => m.PersonId).Where(p => !names.ContainsKey(p)).ToList();
        var rostered = await db.UnitMembers.AsNoTracking().Where(m => others.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.DisplayName }).ToListAsync(cancellationToken);
        foreach (var member in rostered.Where(m => m.DisplayName != "" || !names.ContainsKey(m.PersonId)))
        {
            names[member.PersonId] = member.DisplayName;
        }
        var unknown = marks.ToList().FindIndex(m => !names.ContainsKey(m.PersonId));
        if (unknown >= 0)
        {
            return (null, unknown);
        }
        var checkIns = await db.Set<CheckIn>().AsNoTracking().Where(c => c.SessionId == sessionId).ToListAsync(cancellationToken);
        foreach (var checkIn in checkIns.Where(c => names.GetValueOrDefault(c.PersonId, "") == ""))
        {
            names[checkIn.PersonId] = checkIn.DisplayName;
        }
        return (AttendanceSheet.Compile(expected.Keys, marks, checkIns, names), null);
    }

    /// <summary>The check-ins of a service's sessions, in <paramref name="table"/>; one per person and session.</summary>
    public static ModelBuilder AddCheckIns(this ModelBuilder modelBuilder, string table = "check_ins") =>
        modelBuilder.Entity<CheckIn>(checkIn =>
        {
            checkIn.ToTable(table);
            checkIn.HasKey(c => new { c.SessionId, c.PersonId });
            checkIn.Property(c => c.DisplayName).HasMaxLength(UnitMember.DisplayNameMaxLength);
        });
}
