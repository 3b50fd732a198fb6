using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// A study service on a clock the tests move, with the directory's units and the demo members' branch stints written
/// into its database as its projections would have (the shared identity seeded them before this service listened).
/// </summary>
public sealed class MaterialsFixture(TestServers servers) : IAsyncLifetime
{
    internal ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<StudyDbContext> Service { get; private set; } = null!;
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", identityBackchannel: Identity.Backchannel(),
            // Tokens are issued on the real clock: the moved one (weeks ahead for deadlines) judges only the study rules.
            configureServices: services => services.UseMovedClock(Clock));
        using var admin = await Identity.ClientForPersonAsync(Identity.Service, "admin");
        var units = (await admin.AllItemsAsync("/identity/api/directory/units", TestContext.Current.CancellationToken)).Select(u => new DirectoryUnit(
            u.GetProperty("id").GetGuid(), u.GetProperty("kind").GetString()!, u.GetProperty("name").GetString()!,
            u.GetProperty("parentId").ValueKind == JsonValueKind.Null ? null : u.GetProperty("parentId").GetGuid())).ToList();
        Units = units.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First().Id);
        var since = ChinaCalendar.DateOf(DateTimeOffset.UtcNow).AddYears(-1);
        var stints = new List<UnitMember>();
        foreach (var (userName, branch) in new[] { ("member", "第一党支部"), ("secretary", "第一党支部"), ("officer", "第二党支部") })
        {
            stints.Add(UnitMember.FromJoin(await PersonIdAsync(userName), Units[branch], UnitKinds.Branch, userName, since));
        }
        await Service.QueryAsync(async db =>
        {
            db.Units.AddRange(units);
            db.UnitMembers.AddRange(stints);
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }

    public async Task<Guid> PersonIdAsync(string userName) =>
        Guid.Parse(IdentityHost.JwtPayload(await Identity.PersonTokenAsync(userName)).GetProperty("sub").GetString()!);

    public Task<HttpClient> ClientAsync(string userName) => Identity.ClientForPersonAsync(Service, userName);

    /// <summary>
    /// An activity of <paramref name="unitName"/> that studied <paramref name="materialIds"/>, planned and held at
    /// <paramref name="heldAt"/> through the entity's own transitions (the activities endpoints are another slice).
    /// </summary>
    public Task<StudyActivity> HoldAsync(string unitName, ActivityKind kind, DateTimeOffset heldAt, params Guid[] materialIds) =>
        Service.QueryAsync(async db =>
        {
            var organiser = await db.Units.SingleAsync(u => u.Id == Units[unitName], TestContext.Current.CancellationToken);
            var activity = StudyActivity.Schedule(kind, organiser, StudyAccess.BranchOf(organiser), "学习最新重要讲话",
                [.. materialIds.Select(id => new MaterialReference(id, "资料库中的资料", null))], heldAt, heldAt.AddHours(1), "党员活动室",
                new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "test", heldAt.AddDays(-2));
            activity.Hold(new HeldRecord(heldAt, 60, "集中学习并交流研讨。", 0, []), ChinaCalendar.DateOf(heldAt).AddDays(5), heldAt.AddHours(2));
            db.Activities.Add(activity);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return activity;
        });

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}
