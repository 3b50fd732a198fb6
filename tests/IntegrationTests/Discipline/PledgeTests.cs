using System.Net;
using System.Text.Json;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using static BrandPlatform.IntegrationTests.Discipline.CoverageWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// Integrity pledges against real PostgreSQL: the office publishes a year's text per role once; members sign the text
/// of their role (the leadership team's by roster) once, this year only, and PledgeSigned goes to the outbox; keepers
/// list who has and has not signed; and the database itself refuses to change or delete a signature.
/// </summary>
public sealed class PledgeTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Text(int year, string role = "partyMember") => new
    {
        year, role, title = $"{year}年度廉政承诺书", body = "本人郑重承诺：严格遵守中央八项规定精神，坚决反对“四风”，管住“八小时之外”。",
    };

    [Fact]
    public async Task A_published_text_never_changes_and_a_member_signs_it_once()
    {
        await using var world = await CreateAsync(servers);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var year = world.ThisYear;

        (await PostAsync(member, "/api/discipline/pledges/texts", Text(year))).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (published, text) = await PostAsync(office, "/api/discipline/pledges/texts", Text(year));
        published.StatusCode.ShouldBe(HttpStatusCode.Created, text.ToString());
        text.GetProperty("bodyHash").GetString()!.Length.ShouldBe(64);
        var (again, refused) = await PostAsync(office, "/api/discipline/pledges/texts", new { year, role = "partyMember", title = "改写", body = "改写的正文" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, refused.ToString());
        refused.GetProperty("title").GetString().ShouldBe("承诺书已发布");
        (await world.Discipline.QueryAsync(db => db.PledgeTexts.SingleAsync(Cancel))).Body.ShouldStartWith("本人郑重承诺");
        var (listed, page) = await GetAsync(member, $"/api/discipline/pledges/texts?year={year}");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(text.GetProperty("id").GetGuid());

        var mine = (await GetAsync(member, $"/api/discipline/pledges/{year}/mine")).Body;
        mine.GetProperty("role").GetString().ShouldBe("partyMember");
        mine.GetProperty("signature").ValueKind.ShouldBe(JsonValueKind.Null);
        var (signed, signature) = await PostAsync(member, $"/api/discipline/pledges/{year}/sign", null);
        signed.StatusCode.ShouldBe(HttpStatusCode.Created, signature.ToString());
        signature.GetProperty("bodyHash").GetString().ShouldBe(text.GetProperty("bodyHash").GetString());
        var signedAt = signature.GetProperty("signedAt").GetDateTimeOffset();

        world.Clock.Now = world.Clock.Now.AddMinutes(10);
        var (twice, problem) = await PostAsync(member, $"/api/discipline/pledges/{year}/sign", null);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("title").GetString().ShouldBe("已签署");
        problem.GetProperty("detail").GetString()!.ShouldContain(TimeZoneInfo.ConvertTime(signedAt, ChinaCalendar.TimeZone)
            .ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        (await world.Discipline.QueryAsync(db => db.PledgeSignatures.CountAsync(Cancel))).ShouldBe(1);
        (await GetAsync(member, $"/api/discipline/pledges/{year}/mine")).Body.GetProperty("signature").GetProperty("signedAt").GetDateTimeOffset()
            .ShouldBe(signedAt);

        var events = await world.Discipline.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventName == "discipline.pledge-signed.v1").ToListAsync(Cancel));
        var payload = JsonDocument.Parse(events.ShouldHaveSingleItem().Payload).RootElement;
        payload.GetProperty("personId").GetGuid().ShouldBe(world.People["member"]);
        payload.GetProperty("aggregateId").GetGuid().ShouldBe(signature.GetProperty("id").GetGuid());
        payload.GetProperty("aggregateVersion").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Only_a_published_text_of_this_year_can_be_signed()
    {
        await using var world = await CreateAsync(servers);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var year = world.ThisYear;

        var (missing, notPublished) = await PostAsync(member, $"/api/discipline/pledges/{year}/sign", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound, notPublished.ToString());
        notPublished.GetProperty("title").GetString().ShouldBe("承诺书尚未发布");
        (await GetAsync(member, $"/api/discipline/pledges/{year}/mine")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await PostAsync(office, "/api/discipline/pledges/texts", Text(year + 1))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (early, notThisYear) = await PostAsync(member, $"/api/discipline/pledges/{year + 1}/sign", null);
        early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, notThisYear.ToString());
        (await GetAsync(member, "/api/discipline/pledges/1999/mine")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await world.Discipline.QueryAsync(db => db.PledgeSignatures.CountAsync(Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_leadership_team_member_signs_the_leaders_text()
    {
        await using var world = await CreateAsync(servers);
        using var office = await world.ClientAsync("office");
        using var secretary = await world.ClientAsync("secretary");
        var year = world.ThisYear;
        (await PostAsync(office, "/api/discipline/pledges/texts", Text(year))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var leaders = (await PostAsync(office, "/api/discipline/pledges/texts", Text(year, "leadershipTeamMember"))).Body;
        var since = ChinaCalendar.DateOf(world.Clock.Now).AddDays(-30);
        await world.JoinAsync("secretary", world.FirstBranch, "第一党支部书记", since);
        await world.JoinAsync("secretary", world.Units["部务会"], "第一党支部书记", since, kind: UnitKinds.LeadershipTeam);

        var mine = (await GetAsync(secretary, $"/api/discipline/pledges/{year}/mine")).Body;
        mine.GetProperty("role").GetString().ShouldBe("leadershipTeamMember");
        mine.GetProperty("text").GetProperty("id").GetGuid().ShouldBe(leaders.GetProperty("id").GetGuid());
        var (signed, signature) = await PostAsync(secretary, $"/api/discipline/pledges/{year}/sign", null);
        signed.StatusCode.ShouldBe(HttpStatusCode.Created, signature.ToString());
        signature.GetProperty("role").GetString().ShouldBe("leadershipTeamMember");
        signature.GetProperty("pledgeTextId").GetGuid().ShouldBe(leaders.GetProperty("id").GetGuid());
        (await world.Discipline.QueryAsync(db => db.PledgeSignatures.SingleAsync(Cancel))).BranchId.ShouldBe(world.FirstBranch);
    }

    [Fact]
    public async Task Keepers_list_their_branchs_unsigned_members_by_name_and_who_signed_when()
    {
        await using var world = await CreateAsync(servers);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        using var secretary = await world.ClientAsync("secretary");
        using var officer = await world.ClientAsync("officer");
        var year = world.ThisYear;
        var since = ChinaCalendar.DateOf(world.Clock.Now).AddDays(-30);
        await world.JoinAsync("secretary", world.FirstBranch, "王书记", since);
        await world.JoinAsync("member", world.FirstBranch, "李党员", since);
        await world.JoinAsync("赵六", world.FirstBranch, "赵六", since);
        await world.JoinAsync("钱七", world.FirstBranch, "钱七", since.AddDays(-300), left: since);
        await world.JoinAsync("officer", world.SecondBranch, "孙干事", since);
        (await PostAsync(office, "/api/discipline/pledges/texts", Text(year))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(member, $"/api/discipline/pledges/{year}/sign", null)).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var first = $"/api/discipline/pledges/{year}/unsigned?unitId={world.FirstBranch}";
        var (page1, one) = await GetAsync(secretary, first + "&limit=1");
        page1.StatusCode.ShouldBe(HttpStatusCode.OK, one.ToString());
        var (_, two) = await GetAsync(secretary, one.GetProperty("next").GetString()!);
        two.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        one.GetProperty("items").EnumerateArray().Concat(two.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("displayName").GetString())
            .ShouldBe(new[] { "王书记", "赵六" }.Order(StringComparer.Ordinal), "current members without a signature, by name; 钱七 left");

        var signatures = (await GetAsync(secretary, $"/api/discipline/pledges/{year}/signatures?unitId={world.FirstBranch}")).Body;
        var row = signatures.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.EnumerateObject().Select(p => p.Name).ShouldBe(["personId", "displayName", "signedAt"]);
        row.GetProperty("personId").GetGuid().ShouldBe(world.People["member"]);

        var (foreign, forbidden) = await GetAsync(officer, first);
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden, forbidden.ToString());
        forbidden.GetProperty("detail").GetString()!.ShouldContain("第一党支部");
        (await GetAsync(member, first)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(office, first)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(office, $"/api/discipline/pledges/{year}/unsigned?unitId={Guid.NewGuid()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(office, $"/api/discipline/pledges/{year}/unsigned")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_signature()
    {
        await using var world = await CreateAsync(servers);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var year = world.ThisYear;
        (await PostAsync(office, "/api/discipline/pledges/texts", Text(year))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var signedAt = (await PostAsync(member, $"/api/discipline/pledges/{year}/sign", null)).Body.GetProperty("signedAt").GetDateTimeOffset();

        foreach (var sql in new[] { "update pledge_signatures set signed_at = signed_at - interval '1 day'", "delete from pledge_signatures" })
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => world.Discipline.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql, Cancel)));
            refused.SqlState.ShouldNotBe(PostgresErrorCodes.UniqueViolation, sql);
        }
        (await world.Discipline.QueryAsync(db => db.PledgeSignatures.AsNoTracking().SingleAsync(Cancel))).SignedAt.ShouldBe(signedAt);
    }
}
