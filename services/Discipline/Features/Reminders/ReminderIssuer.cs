using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Discipline.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Discipline:Reminders";

    /// <summary>How often the pass looks at the calendar; it is cheap, and a missed day would miss a holiday.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The reminder goes out when a holiday begins within this many working days (节前: the last working days before it).</summary>
    [Range(1, 10)]
    public int WorkingDaysBefore { get; set; } = 2;
}

/// <summary>
/// One pass of the pre-holiday reminder (节前廉政提醒): for each public holiday that begins within the configured working
/// days, one reminder and a notice to every person on some branch's roster today, in one SaveChanges with the outbox's
/// IntegrityReminderIssued. A holiday already reminded of is left alone; two instances racing both try, and the unique
/// holiday date lets one win.
/// </summary>
public sealed partial class ReminderIssuer(
    DisciplineDbContext db, WorkingCalendar calendar, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderIssuer> logger)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The reminders this pass issued.</summary>
    public async Task<IReadOnlyList<IntegrityReminder>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaCalendar.DateOf(now);
        var issued = new List<IntegrityReminder>();
        foreach (var holiday in IntegrityReminder.HolidaysDue(calendar, today, options.Value.WorkingDaysBefore))
        {
            if (await db.Reminders.AnyAsync(r => r.HolidayFrom == holiday.From, cancellationToken))
            {
                continue;
            }
            var recipients = await db.UnitMembers.On(today).Where(m => m.UnitKind == UnitKinds.Branch)
                .Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
            var reminder = IntegrityReminder.Issue(holiday.Name, holiday.From, holiday.To, Message(holiday), recipients.Count, now);
            db.Reminders.Add(reminder);
            db.ReminderNotices.AddRange(recipients.Select(person => new ReminderNotice(reminder.Id, person)));
            if (await db.SaveUnlessTakenAsync(cancellationToken))
            {
                issued.Add(reminder);
                LogIssued(logger, holiday.Name, recipients.Count);
            }
            else
            {
                LogIssuedElsewhere(logger, holiday.Name);
            }
        }
        return issued;
    }

    /// <summary>The notice's words are Chinese: it is read in the portal, like the holiday's own name.</summary>
    private static string Message(CalendarYear.Holiday holiday) =>
        string.Format(Chinese, RemindersTexts.ResourceManager.GetString(nameof(RemindersTexts.Message), Chinese)!, holiday.Name,
            holiday.From.ToString("M月d日", Chinese), holiday.To.ToString("M月d日", Chinese));

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity reminder before {Holiday} issued to {Recipients} members")]
    private static partial void LogIssued(ILogger logger, string holiday, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity reminder before {Holiday} was issued by another instance meanwhile")]
    private static partial void LogIssuedElsewhere(ILogger logger, string holiday);
}

/// <summary>Runs the reminder pass every Discipline:Reminders:Interval on the service's clock.</summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger)
    : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReminderIssuer>().RunOnceAsync(cancellationToken);
}

public static class ReminderRegistration
{
    public static IHostApplicationBuilder AddIntegrityReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReminderIssuer>();
        builder.Services.AddHostedService<ReminderScheduler>();
        return builder;
    }
}
