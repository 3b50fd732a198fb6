using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// The brand registry (/api/supervision): a branch's brand with its measures, logo, the year's plan and highlights, and
/// the brand's page listing a study activity held under it, which reaches reporting only through study's events.
/// </summary>
public sealed class BrandRegistryTests(BrandRegistryFixture fixture) : IClassFixture<BrandRegistryFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_branch_registers_its_brand_the_office_adds_two_measures_and_the_page_lists_a_study_activity_held_under_it()
    {
        using var secretary = await fixture.ClientAsync("secretary");
        using var office = await fixture.ClientAsync("office");
        using var member = await fixture.ClientAsync("member");
        var brand = await RegisterAsync(secretary, fixture.SecretaryBranch);

        using (var again = await office.PostAsJsonAsync("/api/supervision/brands", Brand(fixture.SecretaryBranch), Cancel))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict, "one brand a branch");
        }
        if (fixture.OfficerBranch != fixture.SecretaryBranch)
        {
            using var elsewhere = await secretary.PostAsJsonAsync("/api/supervision/brands", Brand(fixture.OfficerBranch), Cancel);
            elsewhere.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a secretary registers their own branch's brand only");
        }
        using (var unknown = await office.PostAsJsonAsync("/api/supervision/brands", Brand(Guid.CreateVersion7()), Cancel))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await unknown.Content.ReadAsStringAsync(Cancel)).ShouldContain("branchId");
        }

        var first = await AddMeasureAsync(office, brand, "\"1\"", Measure("“企业家日”政策宣讲", fixture.DepartmentMember, "2026-06-30"));
        var second = await AddMeasureAsync(office, brand, "\"2\"", Measure("商会党建指导员进驻", null, "2026-09-30"));
        using (var stale = await SendAsync(office, HttpMethod.Post, $"/api/supervision/brands/{brand}/measures", "\"1\"",
                   Measure("过期版本的举措", null, "2026-10-31")))
        {
            stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        using (var stranger = await SendAsync(office, HttpMethod.Post, $"/api/supervision/brands/{brand}/measures", null,
                   Measure("不在处室的人", Guid.CreateVersion7(), "2026-10-31")))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await stranger.Content.ReadAsStringAsync(Cancel)).ShouldContain("ownerPersonId");
        }
        using (var edited = await SendAsync(secretary, HttpMethod.Put, $"/api/supervision/brands/{brand}/measures/{second}", "\"3\"",
                   Measure("商会党建指导员进驻重点商会", null, "2026-10-31")))
        {
            edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync(Cancel));
            edited.Headers.ETag!.Tag.ShouldBe("\"4\"");
        }

        var held = await HoldStudyActivityAsync(brand, first, "“同心聚力”品牌建设专题党课", hold: true);
        var planned = await HoldStudyActivityAsync(brand, first, "尚未召开的品牌推进会", hold: false);
        var page = await Eventually.ReturnsAsync(
            () => member.GetFromJsonAsync<JsonElement>($"/api/supervision/brands/{brand}", Cancel),
            p => p.GetProperty("work").GetArrayLength() > 0, Timeout, "the held activity on the brand's page", Cancel);

        var measures = page.GetProperty("brand").GetProperty("measures").EnumerateArray().ToList();
        measures.Select(m => m.GetProperty("title").GetString()).ShouldBe(["“企业家日”政策宣讲", "商会党建指导员进驻重点商会"]);
        measures[0].GetProperty("ownerPersonId").GetGuid().ShouldBe(fixture.DepartmentMember);
        measures[1].GetProperty("deadline").GetString().ShouldBe("2026-10-31");
        var work = page.GetProperty("work").EnumerateArray().Single();
        (work.GetProperty("kind").GetString(), work.GetProperty("id").GetGuid(), work.GetProperty("title").GetString(), work.GetProperty("measureId").GetGuid())
            .ShouldBe(("studyActivity", held, "“同心聚力”品牌建设专题党课", first));
        var records = await fixture.Reporting.QueryAsync(db => db.StudyActivities.AsNoTracking().Where(a => a.BrandId == brand).ToListAsync(Cancel));
        records.Select(r => r.ActivityId).ShouldBe([held, planned], ignoreOrder: true, "reporting keeps the brand of every activity; the page lists held ones");

        (await OutboxEvents.OfAsync(fixture.Reporting, brand)).ShouldBe(
        [
            ("supervision.brand-registered.v1", 1), ("supervision.brand-measure-added.v1", 2), ("supervision.brand-measure-added.v1", 3),
            ("supervision.brand-changed.v1", 4),
        ]);
    }

    [Fact]
    public async Task A_logo_is_a_png_or_jpeg_of_at_most_512_KiB_whose_bytes_are_what_it_claims()
    {
        using var office = await fixture.ClientAsync("office");
        using var member = await fixture.ClientAsync("member");
        var brand = await RegisterAsync(office, await NewBranchAsync());

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 300).Select(i => (byte)i)];
        using (var uploaded = await UploadAsync(office, brand, png, "image/png"))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync(Cancel));
            (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("logo").GetString().ShouldBe($"/api/supervision/brands/{brand}/logo");
        }
        using (var logo = await member.GetAsync($"/api/supervision/brands/{brand}/logo", Cancel))
        {
            logo.StatusCode.ShouldBe(HttpStatusCode.OK);
            logo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            (await logo.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(png);
        }

        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[100]];
        (await UploadAsync(office, brand, jpeg, "image/gif")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await UploadAsync(office, brand, jpeg, "image/png")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "JPEG bytes are not the PNG claimed");
        (await UploadAsync(office, brand, [0xFF, 0xD8, 0xFF, .. new byte[512 * 1024]], "image/jpeg")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await UploadAsync(member, brand, jpeg, "image/jpeg")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "members do not keep brands");
        using var officer = await fixture.ClientAsync("officer");
        (await UploadAsync(officer, brand, jpeg, "image/jpeg")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another branch's brand");

        using (var replaced = await UploadAsync(office, brand, jpeg, "image/jpeg"))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var after = await member.GetAsync($"/api/supervision/brands/{brand}/logo", Cancel);
        after.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await after.Content.ReadAsByteArrayAsync(Cancel)).ShouldBe(jpeg, "nothing of the refused uploads was kept");
    }

    [Fact]
    public async Task Branches_submit_highlights_the_office_selects_and_everyone_reads_the_selected_ones_and_the_plan()
    {
        using var office = await fixture.ClientAsync("office");
        using var member = await fixture.ClientAsync("member");
        var branch = await NewBranchAsync();
        var brand = await RegisterAsync(office, branch);

        var submitted = await CreatedAsync(await office.PostAsJsonAsync($"/api/supervision/brands/{brand}/highlights",
            new { title = "“企业家日”宣讲进商会", summary = "支部党员分组联系重点商会，每月一次政策宣讲。" }, Cancel));
        var highlight = submitted.GetProperty("id").GetGuid();
        var declined = (await CreatedAsync(await office.PostAsJsonAsync($"/api/supervision/brands/{brand}/highlights",
            new { title = "尚不成熟的做法", summary = "待总结。" }, Cancel))).GetProperty("id").GetGuid();

        (await IdsAsync(member, $"/api/supervision/highlights?brandId={brand}")).ShouldBeEmpty("nothing is selected yet");
        (await IdsAsync(member, $"/api/supervision/highlights?brandId={brand}&state=submitted")).ShouldBeEmpty("submissions are the branch's and the office's");
        (await IdsAsync(office, $"/api/supervision/highlights?brandId={brand}&state=submitted")).ShouldBe([declined, highlight]);

        using (var selected = await SendAsync(office, HttpMethod.Post, $"/api/supervision/highlights/{highlight}/select", "\"1\"", null))
        {
            selected.StatusCode.ShouldBe(HttpStatusCode.OK, await selected.Content.ReadAsStringAsync(Cancel));
        }
        (await SendAsync(office, HttpMethod.Post, $"/api/supervision/highlights/{declined}/decline", null, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(office, HttpMethod.Post, $"/api/supervision/highlights/{highlight}/decline", null, null)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict, "decided once");
        (await SendAsync(member, HttpMethod.Post, $"/api/supervision/highlights/{declined}/select", null, null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "the office selects");
        (await IdsAsync(member, $"/api/supervision/highlights?brandId={brand}")).ShouldBe([highlight]);

        using var secretary = await fixture.ClientAsync("secretary");
        var organ = new { year = 2026, month = 3, branchId = (Guid?)null, title = "机关品牌建设推进会", brandId = brand, measureId = (Guid?)null };
        (await secretary.PostAsJsonAsync("/api/supervision/plan-items", organ, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the organ's plan is the office's");
        (await secretary.PostAsJsonAsync("/api/supervision/plan-items", organ with { branchId = branch }, Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "another branch's plan");
        var item = (await CreatedAsync(await office.PostAsJsonAsync("/api/supervision/plan-items", organ, Cancel))).GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync("/api/supervision/plan-items", organ with { measureId = Guid.CreateVersion7() }, Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "the measure is not the brand's");
        (await IdsAsync(member, "/api/supervision/plan-items?year=2026&organ=true")).ShouldContain(item);

        var page = await member.GetFromJsonAsync<JsonElement>($"/api/supervision/brands/{brand}", Cancel);
        page.GetProperty("highlights").EnumerateArray().Select(h => h.GetProperty("id").GetGuid()).ShouldBe([highlight], "members see the selected one");
        page.GetProperty("planItems").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([item]);
        (await office.GetFromJsonAsync<JsonElement>($"/api/supervision/brands/{brand}", Cancel)).GetProperty("highlights").GetArrayLength()
            .ShouldBe(2, "the office sees the declined one too");
    }

    [Fact]
    public async Task A_ticket_filed_under_the_brand_is_on_its_page_by_number_and_state()
    {
        using var office = await fixture.ClientAsync("office");
        var brand = await RegisterAsync(office, await NewBranchAsync());
        var ticket = Guid.CreateVersion7();
        var submitted = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        await fixture.Reporting.Services.GetRequiredService<IBus>().Publish(new TicketSubmitted
        {
            AggregateId = ticket, AggregateVersion = 1, TicketId = ticket, Number = "QY-2026-000777", Category = "land", Priority = "normal",
            State = "submitted", SubmittedAt = submitted, OccurredAt = submitted, BrandId = brand, RequesterName = "三明市某某科技有限公司",
            Channel = "portal",
        }, Cancel);

        var page = await Eventually.ReturnsAsync(() => office.GetFromJsonAsync<JsonElement>($"/api/supervision/brands/{brand}", Cancel),
            body => body.GetProperty("work").GetArrayLength() > 0, TimeSpan.FromSeconds(30), "the ticket on the brand's page", Cancel);
        var item = page.GetProperty("work").EnumerateArray().ShouldHaveSingleItem();
        (item.GetProperty("kind").GetString(), item.GetProperty("id").GetGuid(), item.GetProperty("title").GetString(), item.GetProperty("state").GetString())
            .ShouldBe(("ticket", ticket, "QY-2026-000777", "submitted"));
    }

    private static object Brand(Guid branch) => new
    {
        branchId = branch, name = "同心聚力", field = "服务民营经济", meaning = "以党建聚同心，以服务促发展。", slogan = "党建引领 同心同行",
    };

    private object Measure(string title, Guid? person, string deadline) => new
    {
        title, ownerUnitId = fixture.Department, ownerPersonId = person, deadline, expectedResult = "全年不少于4场",
    };

    private async Task<Guid> RegisterAsync(HttpClient client, Guid branch)
    {
        using var response = await client.PostAsJsonAsync("/api/supervision/brands", Brand(branch), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    private async Task<Guid> AddMeasureAsync(HttpClient client, Guid brand, string ifMatch, object measure)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/api/supervision/brands/{brand}/measures", ifMatch, measure);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
    }

    /// <summary>A branch of its own for a test that needs a brand of its own (one brand a branch).</summary>
    private async Task<Guid> NewBranchAsync()
    {
        var branch = new DirectoryUnit(Guid.CreateVersion7(), UnitKinds.Branch, "品牌测试支部", null);
        await fixture.Reporting.QueryAsync(db => { db.Units.Add(branch); return db.SaveChangesAsync(Cancel); });
        return branch.Id;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        }
        return await client.SendAsync(request, Cancel);
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid brand, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await client.PutAsync($"/api/supervision/brands/{brand}/logo", body, Cancel);
    }

    private async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
            return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        }
    }

    private async Task<List<Guid>> IdsAsync(HttpClient client, string path) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(path, Cancel)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>An activity of the secretary's branch under the brand and measure, through study's own domain and outbox.</summary>
    private Task<Guid> HoldStudyActivityAsync(Guid brand, Guid measure, string topic, bool hold) => fixture.Study.QueryAsync(async db =>
    {
        var branch = await db.Units.SingleOrDefaultAsync(u => u.Id == fixture.SecretaryBranch, Cancel);
        if (branch is null)
        {
            db.Units.Add(branch = new DirectoryUnit(fixture.SecretaryBranch, UnitKinds.Branch, "品牌测试支部", null));
        }
        var now = DateTimeOffset.UtcNow;
        var activity = StudyActivity.Schedule(ActivityKind.PartyLesson, branch, branch.Id, topic, [], now.AddHours(-3), now.AddHours(-1), "三楼会议室",
            new ActivityAudience(AudienceKind.Unit, branch.Id, [], null), [], null, "测试", now.AddDays(-2), brand, measure);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(Cancel);
        if (hold)
        {
            activity.Hold(new HeldRecord(now.AddHours(-3), 90, "会议记录", 0,
                [new AttendanceEntry(Guid.NewGuid(), "党员", AttendanceStatus.Present, null, AttendanceSource.Keeper, null)]), DateOnly.FromDateTime(now.UtcDateTime), now);
            await db.SaveChangesAsync(Cancel);
        }
        return activity.Id;
    });
}
