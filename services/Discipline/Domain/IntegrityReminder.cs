using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Discipline.Domain;

/// <summary>
/// A reminder before a public holiday (节前廉政提醒, "八小时之外"): one per holiday, issued a few working days before it
/// from the working calendar, with a notice to every member of every branch on the day.
/// </summary>
public sealed class IntegrityReminder : Aggregate
{
    public const int MessageMaxLength = 2000;

    private IntegrityReminder() { }

    public Guid Id { get; private set; }
    public string Holiday { get; private set; } = "";
    public DateOnly HolidayFrom { get; private set; }
    public DateOnly HolidayTo { get; private set; }
    public string Message { get; private set; } = "";
    public int RecipientCount { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>
    /// The holidays to remind of on <paramref name="today"/>: those beginning within <paramref name="workingDaysBefore"/>
    /// working days after it, so the reminder goes out in the last working days before each (节前), and a pass missed on
    /// one of those days is made up on the next.
    /// </summary>
    public static IReadOnlyList<CalendarYear.Holiday> HolidaysDue(WorkingCalendar calendar, DateOnly today, int workingDaysBefore) =>
        calendar.HolidaysStartingIn(new ChinaPeriod(today.AddDays(1), calendar.AddWorkingDays(today, workingDaysBefore)));

    public static IntegrityReminder Issue(string holiday, DateOnly from, DateOnly to, string message, int recipientCount, DateTimeOffset now)
    {
        var reminder = new IntegrityReminder
        {
            Id = Guid.CreateVersion7(now),
            Holiday = holiday,
            HolidayFrom = from,
            HolidayTo = to,
            Message = message,
            RecipientCount = recipientCount,
            IssuedAt = now,
        };
        reminder.Raise(new IntegrityReminderIssued
        {
            OccurredAt = now,
            ReminderId = reminder.Id,
            Holiday = holiday,
            HolidayFrom = from,
            HolidayTo = to,
            RecipientCount = recipientCount,
        });
        return reminder;
    }
}

/// <summary>A member's copy of a reminder; the member marks it read.</summary>
public sealed class ReminderNotice
{
    private ReminderNotice() { }

    public ReminderNotice(Guid reminderId, Guid personId)
    {
        ReminderId = reminderId;
        PersonId = personId;
    }

    public Guid ReminderId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
