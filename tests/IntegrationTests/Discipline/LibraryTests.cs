using System.Net;
using System.Text.Json;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// The case library through the API against real PostgreSQL: the office records and corrects cases (ETag, If-Match,
/// a future publication date refused), everyone taking part reads and searches them in Chinese (every term must occur,
/// % and _ literal), filters by violation type, family and dates, and pages through them newest first.
/// </summary>
public sealed class LibraryTests(TestServers servers)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_office_records_and_corrects_a_case_and_members_read_it()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var body = Case("某局干部违规接受宴请问题", "中秋节前接受企业安排的宴请。", "2026-10-15", "improperBanquets", "improperGifts");

        (await world.SendAsync(member, HttpMethod.Post, "/api/discipline/cases", body)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (created, recorded) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/cases", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, recorded.ToString());
        var id = recorded.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/discipline/cases/{id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        Strings(recorded.GetProperty("violationTypes")).ShouldBe(["improperBanquets", "improperGifts"]);
        Strings(recorded.GetProperty("families")).ShouldBe(["eightPointRules"]);

        var (read, asMember) = await world.SendAsync(member, HttpMethod.Get, $"/api/discipline/cases/{id}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        asMember.GetProperty("title").GetString().ShouldBe("某局干部违规接受宴请问题");
        (await world.SendAsync(member, HttpMethod.Put, $"/api/discipline/cases/{id}", body, "\"1\"")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var corrected = Case("某局干部违规接受管理服务对象宴请问题", "中秋节前接受辖区企业安排的宴请，受到党内警告处分。", "2026-10-16", "improperBanquets");
        (await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/cases/{id}", corrected, "\"7\"")).Response.StatusCode
            .ShouldBe(HttpStatusCode.PreconditionFailed);
        var (revised, revision) = await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/cases/{id}", corrected, "\"1\"");
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, revision.ToString());
        revised.Headers.ETag!.Tag.ShouldBe("\"2\"");
        revision.GetProperty("publishedOn").GetString().ShouldBe("2026-10-16");
        Strings(revision.GetProperty("violationTypes")).ShouldBe(["improperBanquets"]);

        var (future, refused) = await world.SendAsync(office, HttpMethod.Put, $"/api/discipline/cases/{id}",
            Case("标题", "摘要", "2026-12-02", "formalism"), "\"2\"");
        future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, refused.ToString());
        var stored = await world.Discipline.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id, Cancel));
        (stored.Version, stored.Title).ShouldBe((2, "某局干部违规接受管理服务对象宴请问题"));

        var (invalid, problems) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/cases",
            new { title = "", summary = "摘要", violationTypes = Array.Empty<string>(), source = "通报", publishedOn = "2026-10-01" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problems.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "violationTypes"], ignoreOrder: true);
        (await world.Discipline.QueryAsync(db => db.Cases.CountAsync(Cancel))).ShouldBe(1);

        var (missing, notFound) = await world.SendAsync(member, HttpMethod.Get, $"/api/discipline/cases/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notFound.GetProperty("title").GetString().ShouldBe("找不到该警示案例");
    }

    [Fact]
    public async Task Search_in_Chinese_needs_every_term_and_takes_percent_and_underscore_literally()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var cases = await RecordLibraryAsync(world, office);

        (await TitlesAsync(world, member, "q=宴请")).ShouldBe([cases.Banquet]);
        (await TitlesAsync(world, member, "q=公务用车")).ShouldBe([cases.Car]);
        (await TitlesAsync(world, member, "q=干部")).ShouldBe([cases.Banquet, cases.Car, cases.Business]);
        (await TitlesAsync(world, member, "q=" + Uri.EscapeDataString("干部  车辆 "))).ShouldBe([cases.Business]);
        (await TitlesAsync(world, member, "q=" + Uri.EscapeDataString("宴请 公车"))).ShouldBeEmpty();
        (await TitlesAsync(world, member, "q=" + Uri.EscapeDataString("100%"))).ShouldBe([cases.Formalism]);
        (await TitlesAsync(world, member, "q=" + Uri.EscapeDataString("%"))).ShouldBe([cases.Formalism]);
        (await TitlesAsync(world, member, "q=_")).ShouldBeEmpty();

        var (tooMany, problems) = await world.SendAsync(member, HttpMethod.Get,
            "/api/discipline/cases?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(1, 11).Select(i => $"词{i}"))));
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problems.GetProperty("errors").TryGetProperty("q", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Tags_families_and_dates_filter_and_pages_run_newest_first()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var cases = await RecordLibraryAsync(world, office);

        (await TitlesAsync(world, member, "violationType=improperGifts")).ShouldBe([cases.Banquet]);
        (await TitlesAsync(world, member, "violationType=formalism&violationType=officialCarMisuse")).ShouldBe([cases.Car, cases.Formalism]);
        (await TitlesAsync(world, member, "family=fourForms")).ShouldBe([cases.Formalism]);
        (await TitlesAsync(world, member, "family=eightPointRules")).ShouldBe([cases.Banquet, cases.Car]);
        (await TitlesAsync(world, member, "family=offDuty&q=车辆")).ShouldBe([cases.Business]);
        (await TitlesAsync(world, member, "from=2026-08-15")).ShouldBe([cases.Banquet, cases.Car]);
        (await TitlesAsync(world, member, "to=2026-08-01")).ShouldBe([cases.Formalism, cases.Business]);

        foreach (var wrong in new[] { "violationType=bribery", "violationType=3", "family=none", "from=2026-09-01&to=2026-08-01" })
        {
            var (refused, problem) = await world.SendAsync(member, HttpMethod.Get, $"/api/discipline/cases?{wrong}");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, wrong);
            problem.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem().Name.ShouldBe(wrong.Split('=')[0], wrong);
        }

        var (first, page) = await world.SendAsync(member, HttpMethod.Get, "/api/discipline/cases?limit=3");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe([cases.Banquet, cases.Car, cases.Formalism]);
        var next = page.GetProperty("next").GetString()!;
        var rest = (await world.SendAsync(member, HttpMethod.Get, next)).Body;
        rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ShouldBe([cases.Business]);
        rest.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_tag_list_names_every_violation_type_and_family_in_both_languages()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var member = await world.ClientAsync("member");
        var (listed, tags) = await world.SendAsync(member, HttpMethod.Get, "/api/discipline/violation-types");
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        tags.GetArrayLength().ShouldBe(Enum.GetValues<BrandPlatform.Discipline.Domain.ViolationType>().Length);
        var banquets = tags.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "improperBanquets");
        banquets.GetProperty("label").GetProperty("zh").GetString().ShouldBe("违规吃喝");
        banquets.GetProperty("label").GetProperty("en").GetString().ShouldBe("Improper banquets");
        banquets.GetProperty("family").GetString().ShouldBe("eightPointRules");
        banquets.GetProperty("familyLabel").GetProperty("zh").GetString().ShouldBe("中央八项规定");
        tags.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "formalism").GetProperty("family").GetString().ShouldBe("fourForms");
    }

    [Fact]
    public async Task Problems_answer_in_English_when_asked()
    {
        await using var world = await LibraryWorld.CreateAsync(servers, Now);
        using var member = await world.ClientAsync("member");
        member.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (missing, problem) = await world.SendAsync(member, HttpMethod.Get, $"/api/discipline/cases/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().ShouldBe("Warning case not found");
        var (wrong, invalid) = await world.SendAsync(member, HttpMethod.Get, "/api/discipline/cases?violationType=bribery");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("violationType")[0].GetString().ShouldStartWith("Unsupported value; one of: improperBanquets, improperGifts, ");
    }

    internal static object Case(string title, string summary, string publishedOn, params string[] violationTypes) =>
        new { title, summary, violationTypes, source = "市纪委监委通报", publishedOn };

    private sealed record Library(string Banquet, string Car, string Formalism, string Business);

    /// <summary>Four cases, published on different days (newest first as listed).</summary>
    private static async Task<Library> RecordLibraryAsync(LibraryWorld world, HttpClient office)
    {
        var library = new Library("某局干部违规接受宴请问题", "某区干部公车私用问题", "某街道文山会海问题", "某干部借用管理服务对象车辆问题");
        foreach (var body in new[]
        {
            Case(library.Banquet, "中秋节前接受企业安排的宴请并收受购物卡。", "2026-10-15", "improperBanquets", "improperGifts"),
            Case(library.Car, "节假日驾驶公务用车办理私事。", "2026-09-01", "officialCarMisuse"),
            Case(library.Formalism, "层层发文、过度留痕，要求100%全员打卡，增加基层负担。", "2026-08-01", "formalism"),
            Case(library.Business, "与企业老板交往过密，长期借用其车辆。", "2026-07-01", "businessRelations", "offDutyConduct"),
        })
        {
            var (created, recorded) = await world.SendAsync(office, HttpMethod.Post, "/api/discipline/cases", body);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, recorded.ToString());
        }
        return library;
    }

    private static async Task<List<string>> TitlesAsync(LibraryWorld world, HttpClient client, string query)
    {
        var (response, page) = await world.SendAsync(client, HttpMethod.Get, $"/api/discipline/cases?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!)];
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
