using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.Documents;

/// <summary>
/// One pass of the close-of-day reminder (文件不过夜): after the close of the latest working day, every document still
/// open at that close gets one reminder for its assignee (the office's own when unassigned), with the outbox's
/// DocumentReminderDue. A reminder already given for the document and day is left alone; two instances racing both
/// try, and the unique (document, day) lets one win.
/// </summary>
public sealed partial class DocumentReminderIssuer(ReportingDbContext db, WorkingCalendar calendar, TimeProvider clock, ILogger<DocumentReminderIssuer> logger)
{
    /// <summary>The reminders this pass gave.</summary>
    public async Task<IReadOnlyList<DocumentReminder>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = LatestClosedWorkingDay(now);
        var close = calendar.CloseOf(day);
        var reminded = db.DocumentReminders.Where(r => r.Day == day).Select(r => r.DocumentId);
        var open = await db.ReceivedDocuments.AsNoTracking().OpenAt(close).Where(d => !reminded.Contains(d.Id)).ToListAsync(cancellationToken);
        var given = new List<DocumentReminder>();
        foreach (var document in open)
        {
            var reminder = DocumentReminder.Due(document, day, now);
            db.DocumentReminders.Add(reminder);
            if (await db.SaveUnlessTakenAsync(cancellationToken))
            {
                given.Add(reminder);
            }
        }
        if (given.Count > 0)
        {
            LogReminded(logger, given.Count, day);
        }
        return given;
    }

    /// <summary>Today when it is a working day whose close has passed, else the working day before.</summary>
    private DateOnly LatestClosedWorkingDay(DateTimeOffset now)
    {
        var today = ChinaCalendar.DateOf(now);
        return calendar.IsWorkingDay(today) && calendar.CloseOf(today) <= now ? today : calendar.LatestWorkingDay(today.AddDays(-1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} documents still open at the close of {Day}: their assignees are reminded")]
    private static partial void LogReminded(ILogger logger, int count, DateOnly day);
}

/// <summary>Runs the close-of-day pass every Supervision:Documents:ReminderInterval on the service's clock.</summary>
public sealed class DocumentReminderScheduler(
    IServiceScopeFactory scopes, IOptions<DocumentOptions> options, TimeProvider clock, ILogger<DocumentReminderScheduler> logger)
    : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<DocumentReminderIssuer>().RunOnceAsync(cancellationToken);
}
