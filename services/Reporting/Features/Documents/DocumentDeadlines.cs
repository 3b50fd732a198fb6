using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Domain;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.Documents;

public sealed class DocumentOptions
{
    public const string Section = "Supervision:Documents";

    /// <summary>
    /// Working hours a priority class allows from receipt (Supervision:Documents:Deadlines:important and so on). Ordinary
    /// documents have none: they are due at the close of the working day they arrive (文件不过夜).
    /// </summary>
    public Dictionary<DocumentPriority, double> Deadlines { get; set; } = new()
    {
        [DocumentPriority.Important] = 1,
        [DocumentPriority.Urgent] = 4,
        [DocumentPriority.Special] = 2,
    };

    /// <summary>How often the close-of-day pass looks; a close is reminded of on the first pass after it.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsValid => ReminderInterval > TimeSpan.Zero && Deadlines.Values.All(hours => hours is > 0 and <= 80);
}

/// <summary>When a received document is due, on the working calendar.</summary>
public sealed class DocumentDeadlines(WorkingCalendar calendar, IOptions<DocumentOptions> options)
{
    /// <summary>
    /// A class with working hours: that much working time after receipt. Ordinary: the close of the working day it
    /// arrived, or of the next working day when it arrived after hours or on a day off.
    /// </summary>
    public DateTimeOffset DueFor(DocumentPriority priority, DateTimeOffset receivedAt) =>
        priority != DocumentPriority.Ordinary && options.Value.Deadlines.TryGetValue(priority, out var hours)
            ? calendar.AddWorkingTime(receivedAt, TimeSpan.FromHours(hours))
            : calendar.CloseOf(ChinaCalendar.DateOf(calendar.NextWorkingMoment(receivedAt)));
}
