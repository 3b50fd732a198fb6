using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Domain;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// Contact work beyond visits: 联谊交友 pairs counted against the yearly minimum (logged contacts and visits alike), the
/// 五个一 duties read from the records, and 思想动态 notes that only the office reads.
/// </summary>
public sealed class ContactWorkTests(LiaisonFixture fixture) : IClassFixture<LiaisonFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static DateOnly Today => ChinaCalendar.DateOf(DateTimeOffset.UtcNow);
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_pair_counts_logged_contacts_and_visits_against_the_yearly_minimum_and_only_its_cadre_and_the_office_keep_it()
    {
        var office = await fixture.ClientAsync("office");
        var member = await fixture.ClientAsync("member");
        var officer = await fixture.ClientAsync("officer");
        var (_, contact) = await LiaisonWorld.RegisterChamberAndContactAsync(office, fixture.People["officer"], Cancel);
        var formedOn = new DateOnly(Today.Year, 1, 1);

        var formed = await ReadAsync(await office.PostAsJsonAsync("/api/liaison/friendships",
            new { cadreId = fixture.People["member"], contactId = contact, formedOn = Day(formedOn) }, Cancel), HttpStatusCode.Created);
        var pair = formed.GetProperty("pair").GetProperty("id").GetGuid();
        formed.GetProperty("pair").GetProperty("shortBy").GetInt32().ShouldBe(4);
        (await StatusAsync(office.PostAsJsonAsync("/api/liaison/friendships",
            new { cadreId = fixture.People["member"], contactId = contact, formedOn = Day(formedOn) }, Cancel))).ShouldBe(HttpStatusCode.Conflict);

        await ReadAsync(await member.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts",
            new { on = Day(Today), way = "heartToHeartTalk", note = "谈企业传承。" }, Cancel), HttpStatusCode.Created);
        await ReadAsync(await member.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts", new { on = Day(Today), way = "phone" }, Cancel), HttpStatusCode.Created);
        (await StatusAsync(member.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts", new { on = Day(Today.AddDays(1)), way = "phone" }, Cancel)))
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        await LiaisonWorld.CreatedIdAsync(await member.PostAsJsonAsync("/api/liaison/visits", LiaisonMatrixRecords.VisitBody(contact), Cancel));

        var mine = await member.GetFromJsonAsync<JsonElement>($"/api/liaison/friendships?short=true&year={Today.Year}", Cancel);
        var row = mine.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == pair);
        (row.GetProperty("contactsLogged").GetInt32(), row.GetProperty("visits").GetInt32(), row.GetProperty("shortBy").GetInt32()).ShouldBe((2, 1, 1));
        (await StatusAsync(officer.GetAsync($"/api/liaison/friendships/{pair}", Cancel))).ShouldBe(HttpStatusCode.NotFound);
        (await StatusAsync(officer.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts", new { on = Day(Today), way = "phone" }, Cancel)))
            .ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetFromJsonAsync<JsonElement>("/api/liaison/friendships", Cancel)).GetProperty("items").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("id").GetGuid() == pair);

        // One more contact meets the minimum: no longer short.
        await ReadAsync(await member.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts", new { on = Day(Today), way = "meeting" }, Cancel), HttpStatusCode.Created);
        (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/friendships?short=true&cadreId={fixture.People["member"]}", Cancel))
            .GetProperty("items").EnumerateArray().ShouldNotContain(p => p.GetProperty("id").GetGuid() == pair);

        var ended = await ReadAsync(await office.PostAsJsonAsync($"/api/liaison/friendships/{pair}/end", new { endedOn = Day(Today) }, Cancel), HttpStatusCode.OK);
        ended.GetProperty("pair").GetProperty("endedOn").GetString().ShouldBe(Day(Today));
        (await StatusAsync(member.PostAsJsonAsync($"/api/liaison/friendships/{pair}/contacts", new { on = Day(Today), way = "phone" }, Cancel)))
            .ShouldBe(HttpStatusCode.Conflict);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/friendships/{pair}/end", new { endedOn = Day(Today) }, Cancel))).ShouldBe(HttpStatusCode.Conflict);
        (await OutboxEvents.OfAsync(fixture.Service, pair)).ShouldBe([("liaison.friendship-pair-formed.v1", 1L), ("liaison.friendship-pair-ended.v1", 2L)]);
    }

    [Fact]
    public async Task The_five_ones_are_read_from_the_records_and_thought_trends_reach_the_office_alone()
    {
        var office = await fixture.ClientAsync("office");
        var officer = await fixture.ClientAsync("officer");
        var (_, contact) = await LiaisonWorld.RegisterChamberAndContactAsync(office, fixture.People["officer"], Cancel);

        var before = await OwnDutiesAsync(officer);
        before.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldContain("thoughtReport");

        var receipt = await ReadAsync(await officer.PostAsJsonAsync("/api/liaison/thought-trends", new
        {
            observedOn = Day(Today), contactId = contact, topic = "对技改补贴政策的看法", content = "欢迎补贴，但反映申报材料繁琐。",
        }, Cancel), HttpStatusCode.Created);
        receipt.TryGetProperty("content", out _).ShouldBeFalse();
        (await StatusAsync(officer.GetAsync("/api/liaison/thought-trends", Cancel))).ShouldBe(HttpStatusCode.Forbidden);
        (await StatusAsync(officer.GetAsync($"/api/liaison/thought-trends/{receipt.GetProperty("id").GetGuid()}", Cancel))).ShouldBe(HttpStatusCode.Forbidden);
        var read = await office.GetFromJsonAsync<JsonElement>("/api/liaison/thought-trends?contactCategory=privateEntrepreneur", Cancel);
        var note = read.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == receipt.GetProperty("id").GetGuid());
        note.GetProperty("content").GetString().ShouldBe("欢迎补贴，但反映申报材料繁琐。");
        note.GetProperty("authorName").GetString().ShouldBe("第二党支部党务干事");

        await LiaisonWorld.CreatedIdAsync(await officer.PostAsJsonAsync("/api/liaison/visits", LiaisonMatrixRecords.VisitBody(contact), Cancel));
        var after = await OwnDutiesAsync(officer);
        var done = after.GetProperty("duties").EnumerateArray().Where(d => d.GetProperty("done").GetBoolean()).Select(d => d.GetProperty("kind").GetString()).ToList();
        done.ShouldContain("thoughtReport");
        done.ShouldContain("visit");
        after.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldNotContain("thoughtReport");

        // The office reads every cadre on the rosters; a cadre only their own row.
        var all = await office.GetFromJsonAsync<JsonElement>("/api/liaison/five-ones?limit=200", Cancel);
        all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("personId").GetGuid()).ShouldContain(fixture.People["member"]);
        var first = await office.GetFromJsonAsync<JsonElement>("/api/liaison/five-ones?limit=1", Cancel);
        var second = await office.GetFromJsonAsync<JsonElement>(first.GetProperty("next").GetString()!, Cancel);
        second.GetProperty("items")[0].GetProperty("personId").GetGuid().ShouldNotBe(first.GetProperty("items")[0].GetProperty("personId").GetGuid());
        (await StatusAsync(office.GetAsync("/api/liaison/five-ones?year=1999", Cancel))).ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<JsonElement> OwnDutiesAsync(HttpClient cadre)
    {
        var rows = (await cadre.GetFromJsonAsync<JsonElement>("/api/liaison/five-ones", Cancel)).GetProperty("items").EnumerateArray().ToList();
        rows.Count.ShouldBe(1);
        rows[0].GetProperty("personId").GetGuid().ShouldBe(fixture.People["officer"]);
        return rows[0];
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sent)
    {
        using var response = await sent;
        return response.StatusCode;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync(Cancel));
            return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        }
    }
}
