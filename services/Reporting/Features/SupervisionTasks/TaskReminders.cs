using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

public sealed class TaskReminderOptions
{
    public const string Section = "Supervision:TaskReminders";

    /// <summary>How often the pass looks; outside working time it does nothing, so the first pass of a working day sends what is due.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A milestone is reminded of this many working days before it is due.</summary>
    [Range(1, 10)]
    public int WorkingDaysBeforeMilestone { get; set; } = 1;
}

/// <summary>
/// One pass of the tasks' reminders, in working time only: for each task in progress, each unreached milestone due
/// within the configured working days, and the latest cadence period whose feedback is missing. Each is
/// recorded once (the unique task, kind and subject: the milestone, or the missed feedback's due date) with the
/// outbox's supervision.task-reminder-due.v1 in the same SaveChanges; two passes racing both try, and one wins.
/// </summary>
public sealed partial class TaskReminderIssuer(
    ReportingDbContext db, WorkingCalendar calendar, IOptions<TaskReminderOptions> options, TimeProvider clock, ILogger<TaskReminderIssuer> logger)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The reminders this pass issued.</summary>
    public async Task<IReadOnlyList<SupervisionTaskReminder>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!calendar.IsWorkingTime(now))
        {
            return [];
        }
        var today = ChinaCalendar.DateOf(now);
        var horizon = calendar.AddWorkingDays(today, options.Value.WorkingDaysBeforeMilestone);
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.State == SupervisionTaskState.InProgress).ToListAsync(cancellationToken);
        var ids = tasks.Select(t => t.Id).ToList();
        var sent = (await db.SupervisionTaskReminders.AsNoTracking().Where(r => ids.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.Kind, r.Subject }).ToListAsync(cancellationToken))
            .Select(r => (r.TaskId, r.Kind, r.Subject)).ToHashSet();
        var issued = new List<SupervisionTaskReminder>();
        foreach (var task in tasks)
        {
            var due = task.Milestones.Where(m => m.ReachedOn is null && m.Due > today && m.Due <= horizon)
                .Select(m => SupervisionTaskReminder.Issue(task, m, m.Due, Message(nameof(SupervisionTaskTexts.ReminderMilestone), task.Title, m.Title, m.Due), now))
                .ToList();
            if (task.MissedFeedbackDue(today) is { } missed)
            {
                due.Add(SupervisionTaskReminder.Issue(task, null, missed, Message(nameof(SupervisionTaskTexts.ReminderFeedback), task.Title, missed), now));
            }
            foreach (var reminder in due.Where(r => !sent.Contains((r.TaskId, r.Kind, r.Subject))))
            {
                db.SupervisionTaskReminders.Add(reminder);
                if (await db.SaveUnlessTakenAsync(cancellationToken))
                {
                    issued.Add(reminder);
                    LogIssued(logger, reminder.Kind, task.Id, reminder.DueOn);
                }
            }
        }
        return issued;
    }

    /// <summary>The notice's words are Chinese: the notifier delivers them as they are, like the task's own title.</summary>
    private static string Message(string key, string title, params object[] rest)
    {
        var arguments = rest.Select(a => a is DateOnly day ? day.ToString("M月d日", Chinese) : a).Prepend(title).ToArray();
        var text = string.Format(Chinese, SupervisionTaskTexts.ResourceManager.GetString(key, Chinese)!, arguments);
        return text.Length <= SupervisionTaskReminder.MessageMaxLength ? text : text[..SupervisionTaskReminder.MessageMaxLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision task reminder ({Kind}) issued for task {TaskId}, due {DueOn}")]
    private static partial void LogIssued(ILogger logger, string kind, Guid taskId, DateOnly dueOn);
}

/// <summary>Runs the tasks' reminder pass every Supervision:TaskReminders:Interval on the service's clock.</summary>
public sealed class TaskReminderScheduler(
    IServiceScopeFactory scopes, IOptions<TaskReminderOptions> options, TimeProvider clock, ILogger<TaskReminderScheduler> logger)
    : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<TaskReminderIssuer>().RunOnceAsync(cancellationToken);
}
