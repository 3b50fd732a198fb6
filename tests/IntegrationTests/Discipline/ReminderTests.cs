using System.Net;
using BrandPlatform.Discipline.Features.Reminders;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// Pre-holiday integrity reminders on the 2026 calendar (cn-2026.json) with a clock the test moves: one reminder per
/// holiday in its last two working days before it (中秋节 from 25 September, 国庆节 from 1 October), none on other days,
/// none twice however many passes run at once; notices to the people on a branch's roster that day only, each once;
/// members read and mark their own, the office sees the counts.
/// </summary>
public sealed class ReminderTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>10:00 Beijing time on a day of September 2026.</summary>
    private static DateTimeOffset September(int day) => new(2026, 9, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_reminder_per_holiday_goes_to_branch_members_only_and_only_in_the_last_working_days_before_it()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, September(1));
        var day = new DateOnly(2026, 1, 1);
        var (first, second) = (world.Units["第一党支部"], world.Units["第二党支部"]);
        Guid zhao = Guid.CreateVersion7(), qian = Guid.CreateVersion7();
        var left = UnitMember.FromJoin(zhao, first, UnitKinds.Branch, "赵六", day);
        left.Leave(new DateOnly(2026, 6, 30));
        await world.JoinAsync(
            UnitMember.FromJoin(world.People["secretary"], first, UnitKinds.Branch, "第一党支部书记", day),
            UnitMember.FromJoin(world.People["member"], first, UnitKinds.Branch, "第一党支部党员", day),
            UnitMember.FromJoin(world.People["member"], world.Units["第一党小组"], UnitKinds.PartyGroup, "第一党支部党员", day),
            UnitMember.FromJoin(world.People["officer"], second, UnitKinds.Branch, "第二党支部党务干事", day),
            // On two branches' rosters at once (a transfer recorded on both sides): one notice.
            UnitMember.FromJoin(world.People["secretary"], second, UnitKinds.Branch, "第一党支部书记", day),
            // On no branch: a department only; left the branch before the holiday; joins only after the reminder.
            UnitMember.FromJoin(qian, world.Units["办公室"], UnitKinds.Department, "钱七", day),
            left,
            UnitMember.FromJoin(world.People["handler"], world.Units["第三党支部"], UnitKinds.Branch, "招商服务专班经办人", new DateOnly(2026, 9, 24)));

        // 22 September is three working days before 中秋节 (25–27 September): too early.
        world.Clock.Now = September(22);
        (await PassAsync(world)).ShouldBeEmpty();
        world.Clock.Now = September(23);
        var issued = await Task.WhenAll(PassAsync(world), PassAsync(world), PassAsync(world));
        var reminder = issued.SelectMany(r => r).ShouldHaveSingleItem();
        world.Clock.Now = September(24);
        (await PassAsync(world)).ShouldBeEmpty();

        var stored = await world.Discipline.QueryAsync(db => db.Reminders.AsNoTracking().SingleAsync(Cancel));
        (stored.Id, stored.Holiday, stored.HolidayFrom, stored.HolidayTo, stored.RecipientCount)
            .ShouldBe((reminder, "中秋节", new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27), 3));
        stored.Message.ShouldStartWith("中秋节（9月25日至9月27日）将至。");
        stored.Message.ShouldContain("中央八项规定");
        stored.Message.ShouldContain("八小时之外");
        (await world.Discipline.QueryAsync(db => db.ReminderNotices.Where(n => n.ReminderId == reminder).Select(n => n.PersonId).ToListAsync(Cancel)))
            .ShouldBe([world.People["secretary"], world.People["member"], world.People["officer"]], ignoreOrder: true);
        (await world.EventsAsync(reminder)).ShouldBe([("discipline.integrity-reminder-issued.v1", 1L)]);

        // 28 September is three working days before 国庆节 (1 October; 30 September is the last working day): nothing yet.
        world.Clock.Now = September(28);
        (await PassAsync(world)).ShouldBeEmpty();
        world.Clock.Now = September(29);
        var nationalDay = (await PassAsync(world)).ShouldHaveSingleItem();
        var both = await world.Discipline.QueryAsync(db => db.Reminders.AsNoTracking().OrderBy(r => r.HolidayFrom).ToListAsync(Cancel));
        both.Select(r => r.Holiday).ShouldBe(["中秋节", "国庆节"]);
        both[1].RecipientCount.ShouldBe(4);
        (await world.EventsAsync(nationalDay)).ShouldBe([("discipline.integrity-reminder-issued.v1", 1L)]);
        world.Clock.Now = September(30);
        (await PassAsync(world)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Members_read_and_mark_their_own_notices_and_the_office_sees_the_counts()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, September(1));
        var day = new DateOnly(2026, 1, 1);
        await world.JoinAsync(
            UnitMember.FromJoin(world.People["member"], world.Units["第一党支部"], UnitKinds.Branch, "第一党支部党员", day),
            UnitMember.FromJoin(world.People["officer"], world.Units["第二党支部"], UnitKinds.Branch, "第二党支部党务干事", day));
        world.Clock.Now = September(23);
        var midAutumn = (await PassAsync(world)).ShouldHaveSingleItem();
        world.Clock.Now = September(29);
        var nationalDay = (await PassAsync(world)).ShouldHaveSingleItem();
        world.Clock.Now = September(29).AddHours(1);

        using var member = await world.ClientAsync("member");
        using var officer = await world.ClientAsync("officer");
        using var secretary = await world.ClientAsync("secretary");
        using var office = await world.ClientAsync("office");
        var (listed, mine) = await world.SendAsync(member, HttpMethod.Get, "/api/discipline/reminders/mine");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK, mine.ToString());
        mine.GetProperty("items").EnumerateArray().Select(n => (n.GetProperty("reminderId").GetGuid(), n.GetProperty("read").GetBoolean()))
            .ShouldBe([(nationalDay, false), (midAutumn, false)]);
        (await world.SendAsync(secretary, HttpMethod.Get, "/api/discipline/reminders/mine")).Body.GetProperty("items").GetArrayLength().ShouldBe(0);

        var (read, notice) = await world.SendAsync(member, HttpMethod.Post, $"/api/discipline/reminders/{midAutumn}/read");
        read.StatusCode.ShouldBe(HttpStatusCode.OK, notice.ToString());
        notice.GetProperty("read").GetBoolean().ShouldBeTrue();
        notice.GetProperty("readAt").GetDateTimeOffset().ShouldBe(world.Clock.Now);
        world.Clock.Now = world.Clock.Now.AddHours(1);
        (await world.SendAsync(member, HttpMethod.Post, $"/api/discipline/reminders/{midAutumn}/read")).Body
            .GetProperty("readAt").GetDateTimeOffset().ShouldBe(September(29).AddHours(1));

        // No notice of one's own: the secretary is on no roster, and nobody marks another person's notice.
        var (notTheirs, problem) = await world.SendAsync(secretary, HttpMethod.Post, $"/api/discipline/reminders/{nationalDay}/read");
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().ShouldBe("找不到该廉政提醒");
        (await world.SendAsync(officer, HttpMethod.Post, $"/api/discipline/reminders/{Guid.NewGuid()}/read")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.Discipline.QueryAsync(db => db.ReminderNotices.CountAsync(n => n.ReadAt != null, Cancel))).ShouldBe(1);

        (await world.SendAsync(member, HttpMethod.Get, "/api/discipline/reminders")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (counted, reminders) = await world.SendAsync(office, HttpMethod.Get, "/api/discipline/reminders?limit=1");
        counted.StatusCode.ShouldBe(HttpStatusCode.OK, reminders.ToString());
        var latest = reminders.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (latest.GetProperty("id").GetGuid(), latest.GetProperty("recipientCount").GetInt32(), latest.GetProperty("readCount").GetInt32())
            .ShouldBe((nationalDay, 2, 0));
        var earlier = (await world.SendAsync(office, HttpMethod.Get, reminders.GetProperty("next").GetString()!)).Body.GetProperty("items")
            .EnumerateArray().ShouldHaveSingleItem();
        (earlier.GetProperty("id").GetGuid(), earlier.GetProperty("readCount").GetInt32()).ShouldBe((midAutumn, 1));
    }

    /// <summary>One pass of the reminder work, as the scheduler runs it, in a scope of its own.</summary>
    private static async Task<List<Guid>> PassAsync(LibraryWorld world)
    {
        await using var scope = world.Discipline.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ReminderIssuer>().RunOnceAsync(Cancel)).Select(r => r.Id)];
    }
}
