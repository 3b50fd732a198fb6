using System.Globalization;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <summary>
/// 我为群众办实事: each practical matter the community service commits to goes on the supervision list as a task whose id
/// is the matter's (queue reporting-practical-matters), so the community service follows the matter by the task's own
/// events (supervision.task-*.v1 with TaskId == MatterId) while the owner reports and the office accepts as on any task.
/// </summary>
public sealed partial class PracticalMatters(ReportingDbContext db, WorkingCalendar calendar, TimeProvider timeProvider, ILogger<PracticalMatters> logger)
    : InboxConsumer<PracticalMatterCommitted, ReportingDbContext>(db, timeProvider, logger)
{
    /// <summary>Who put the task on the list, as the task records it.</summary>
    public const string Actor = "community";

    protected override async Task HandleAsync(PracticalMatterCommitted matter, CancellationToken cancellationToken)
    {
        if (await Db.SupervisionTasks.AnyAsync(t => t.Id == matter.MatterId, cancellationToken))
        {
            return; // on the list already (the same matter announced again under another message id)
        }
        var now = Time.GetUtcNow();
        // The community service checked the matter when it was committed; what the task's own rules would refuse from the
        // office is fitted instead (an event cannot be answered with a 422, and refusing it would retry forever): an
        // unknown cadence reports monthly, milestones move onto working days by the deadline, and a matter without
        // milestones gets them planned backwards as the office's tasks do. The owner adjusts them afterwards. The owner
        // is not checked against reporting's directory copy, which may not have heard of a new appointment yet.
        if (!EnumCodes.TryFromCode<FeedbackCadence>(matter.FeedbackCadence, out var cadence))
        {
            cadence = FeedbackCadence.Monthly;
            LogCadenceUnknown(logger, matter.MatterId, matter.FeedbackCadence);
        }
        var dues = matter.MilestoneDues.Count == 0
            ? SupervisionTask.ProposeMilestones(ChinaCalendar.DateOf(now), matter.Deadline, SupervisionTasks.DefaultMilestones, calendar)
            : SupervisionTask.FitMilestones(matter.MilestoneDues, matter.Deadline, calendar);
        if (matter.MilestoneDues.Count > 0 && !dues.SequenceEqual(matter.MilestoneDues))
        {
            LogMilestonesFitted(logger, matter.MatterId, string.Join(", ", matter.MilestoneDues), string.Join(", ", dues));
        }
        var description = string.IsNullOrWhiteSpace(matter.Beneficiaries)
            ? matter.Description
            : $"{matter.Description.Trim()}\n{Text(SupervisionTaskTexts.PracticalMatterBeneficiaries, matter.Beneficiaries.Trim())}";
        var origin = new SupervisionTask.Origin(TaskSource.PracticalMatter, Text(SupervisionTaskTexts.PracticalMatterBasis, matter.Year), null, null, null, null);
        Db.SupervisionTasks.Add(SupervisionTask.Create(
            EventTexts.Clip(matter.Title, SupervisionTask.TitleMaxLength), EventTexts.Clip(description, SupervisionTask.TextMaxLength), origin, matter.OwnerUnitId,
            matter.OwnerPersonId, matter.Deadline, cadence, SupervisionTasks.Titled(dues).Select(m => (m.Title, m.Due)), Actor, now, matter.MatterId));
    }

    private static string Text(string format, object argument) => string.Format(CultureInfo.CurrentCulture, format, argument);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Practical matter {MatterId} names feedback cadence {Cadence}, which supervision does not know; its task reports monthly")]
    private static partial void LogCadenceUnknown(ILogger logger, Guid matterId, string cadence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Practical matter {MatterId}'s milestones {Dues} were fitted to working days by the deadline as {Fitted}")]
    private static partial void LogMilestonesFitted(ILogger logger, Guid matterId, string dues, string fitted);
}
