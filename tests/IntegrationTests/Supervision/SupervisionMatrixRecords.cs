using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// The authorization matrix's supervision task: 第二党支部's, owned by the officer (on the branch's roster in
/// reporting), so the office and leaders see it, the officer acts on it, and the other members do not know it exists.
/// </summary>
public static class SupervisionMatrixRecords
{
    internal static async Task<Guid> SetUpAsync(WholePlatformFixture platform, Guid committee, Guid officer, CancellationToken cancellationToken) =>
        await platform.Services["reporting"].QueryAsync(async context =>
        {
            var db = (ReportingDbContext)context;
            var now = DateTimeOffset.UtcNow;
            var today = ChinaCalendar.DateOf(now);
            var otherBranch = platform.Units["第二党支部"];
            if (!await db.Units.AnyAsync(u => u.Id == otherBranch, cancellationToken))
            {
                db.Units.Add(new DirectoryUnit(otherBranch, UnitKinds.Branch, "第二党支部", committee));
            }
            if (!await db.UnitMembers.Current().AnyAsync(m => m.UnitId == otherBranch && m.PersonId == officer, cancellationToken))
            {
                db.UnitMembers.Add(UnitMember.FromJoin(officer, otherBranch, UnitKinds.Branch, "第二党支部党务干事", today.AddDays(-30)));
            }
            var task = SupervisionTask.Create("矩阵督办事项", "", new SupervisionTask.Origin(TaskSource.Decision, "矩阵党委会", null, null, null, null),
                otherBranch, officer, today.AddDays(60), FeedbackCadence.Weekly, [], "office", now);
            db.SupervisionTasks.Add(task);
            await db.SaveChangesAsync(cancellationToken);
            return task.Id;
        });
}
