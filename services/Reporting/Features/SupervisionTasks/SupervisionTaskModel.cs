using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Brands;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

public static class SupervisionTaskModel
{
    /// <summary>Tables supervision_tasks, supervision_task_feedback and supervision_task_reminders.</summary>
    public static ModelBuilder AddSupervisionTasks(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SupervisionTask>(task =>
        {
            task.ToTable("supervision_tasks");
            task.HasKey(t => t.Id);
            task.Property(t => t.Id).ValueGeneratedNever();
            task.Property(t => t.Title).HasMaxLength(SupervisionTask.TitleMaxLength);
            task.Property(t => t.Description).HasMaxLength(SupervisionTask.TextMaxLength);
            task.Property(t => t.Basis).HasMaxLength(SupervisionTask.TitleMaxLength);
            task.Property(t => t.Source).HasConversion<string>().HasMaxLength(32);
            task.Property(t => t.MeetingKind).HasConversion<string>().HasMaxLength(32);
            task.Property(t => t.Cadence).HasConversion<string>().HasMaxLength(32);
            task.Property(t => t.State).HasConversion<string>().HasMaxLength(32);
            task.Property(t => t.Milestones).HasJsonColumn();
            task.Property(t => t.ClosureEvidence).HasMaxLength(SupervisionTask.TextMaxLength);
            task.Property(t => t.ClosureAttachments).HasJsonColumn();
            task.Property(t => t.AcceptanceNote).HasMaxLength(SupervisionTask.TextMaxLength);
            task.Property(t => t.ReturnReason).HasMaxLength(SupervisionTask.TextMaxLength);
            task.Property(t => t.CreatedBy).HasMaxLength(200);
            task.Property(t => t.Version).IsConcurrencyToken();
            task.HasIndex(t => t.CreatedAt);
            task.HasIndex(t => t.OwnerUnitId);
            task.HasIndex(t => t.OwnerPersonId);
            task.HasIndex(t => t.BrandId);
        });
        modelBuilder.Entity<TaskFeedback>(feedback =>
        {
            feedback.ToTable("supervision_task_feedback");
            feedback.HasKey(f => f.Id);
            feedback.Property(f => f.Id).ValueGeneratedNever();
            feedback.Property(f => f.Text).HasMaxLength(SupervisionTask.TextMaxLength);
            feedback.Property(f => f.Progress).HasMaxLength(SupervisionTask.ProgressMaxLength);
            feedback.Property(f => f.Attachments).HasJsonColumn();
            feedback.Property(f => f.GivenBy).HasMaxLength(200);
            feedback.HasOne<SupervisionTask>().WithMany().HasForeignKey(f => f.TaskId);
            feedback.HasIndex(f => new { f.TaskId, f.GivenAt });
        });
        modelBuilder.Entity<SupervisionTaskReminder>(reminder =>
        {
            reminder.ToTable("supervision_task_reminders");
            reminder.HasKey(r => r.Id);
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.Property(r => r.Kind).HasMaxLength(16);
            reminder.Property(r => r.Subject).HasMaxLength(64);
            reminder.Property(r => r.Message).HasMaxLength(SupervisionTaskReminder.MessageMaxLength);
            reminder.HasOne<SupervisionTask>().WithMany().HasForeignKey(r => r.TaskId);
            // Never twice for the same milestone or missed feedback period, however many passes run at once.
            reminder.HasIndex(r => new { r.TaskId, r.Kind, r.Subject }).IsUnique();
        });
        return modelBuilder;
    }

    /// <summary>The working calendar, the reminder pass and the tasks' part of a brand's page.</summary>
    public static IHostApplicationBuilder AddSupervisionTasks(this IHostApplicationBuilder builder)
    {
        builder.AddWorkingCalendar();
        builder.Services.AddOptions<TaskReminderOptions>().BindConfiguration(TaskReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<TaskReminderIssuer>();
        builder.Services.AddHostedService<TaskReminderScheduler>();
        builder.Services.AddScoped<IBrandWorkSource, SupervisionTaskBrandWork>();
        return builder;
    }
}

/// <summary>A brand's tasks on its page: state is the task's status today, or closed.</summary>
public sealed class SupervisionTaskBrandWork(Infrastructure.ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider) : IBrandWorkSource
{
    public async Task<IReadOnlyList<BrandWorkItem>> ForBrandAsync(Guid brandId, CancellationToken cancellationToken)
    {
        var today = Platform.Domain.ChinaCalendar.Today(timeProvider);
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.BrandId == brandId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        return [.. tasks.Select(t => new BrandWorkItem("supervisionTask", t.Id, t.Title,
            t.StatusOn(today, calendar) is { } status ? Platform.Domain.EnumCodes.ToCode(status) : Platform.Domain.EnumCodes.ToCode(t.State),
            t.CreatedAt, t.MeasureId))];
    }
}
