using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using MiniExcelLibs;
using Shouldly;
using UglyToad.PdfPig;
using static BrandPlatform.Testing.PdfText;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// The 错情通报 register: the office records errors; a department (and the drafter) reads its own, nobody else; repeat
/// drafters are the office's alone; the month's notice per department as PDF and XLSX; the year's trend.
/// </summary>
public sealed class DocumentErrorTests(DocumentsWorld world) : IClassFixture<DocumentsWorld>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_office_records_an_error_with_a_configured_type_a_department_and_a_drafter_on_a_roster()
    {
        var office = await world.ClientAsync("office");
        var recorded = await RecordAsync(office, "typo", world.OtherDepartment, "member", "2026-11-10", "综办发〔2026〕1号");
        (recorded.GetProperty("errorTypeLabel").GetString(), recorded.GetProperty("drafterName").GetString(), recorded.GetProperty("stage").GetString())
            .ShouldBe(("错别字", "第一党支部党员", "preIssue"));
        (await world.EventsAsync(recorded.GetProperty("id").GetGuid())).ShouldBe([("supervision.document-error-recorded.v1", 1L)]);

        var types = await office.GetFromJsonAsync<JsonElement>("/api/supervision/document-errors/types", Cancel);
        types.EnumerateArray().Select(t => (t.GetProperty("code").GetString(), t.GetProperty("label").GetString())).ShouldBe(
            [("typo", "错别字"), ("format", "格式错误"), ("numbering", "文号错误"), ("fact", "事实表述错误"), ("policy", "政策表述不当"), ("punctuation", "标点错误")]);

        (await SendAsync(office, "grammar", world.OtherDepartment, world.People["member"], "2026-11-10")).ShouldBe((HttpStatusCode.BadRequest, "errorType"));
        (await SendAsync(office, "typo", world.OtherDepartment, world.People["member"], "2026-11-20")).ShouldBe((HttpStatusCode.BadRequest, "foundOn"));
        (await SendAsync(office, "typo", world.Units["第一党支部"], world.People["member"], "2026-11-10")).ShouldBe((HttpStatusCode.UnprocessableEntity, "departmentId"));
        (await SendAsync(office, "typo", world.OtherDepartment, Guid.NewGuid(), "2026-11-10")).ShouldBe((HttpStatusCode.UnprocessableEntity, "drafterId"));
        (await SendAsync(await world.ClientAsync("leader"), "typo", world.OtherDepartment, world.People["member"], "2026-11-10")).Status
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_department_reads_its_own_errors_and_only_the_office_sees_repeat_drafters()
    {
        var office = await world.ClientAsync("office");
        var mine = (await RecordAsync(office, "format", world.OtherDepartment, "secretary", "2026-10-20", "综办发〔2026〕7号")).GetProperty("id").GetGuid();
        await RecordAsync(office, "fact", world.OtherDepartment, "secretary", "2026-11-12", "综办发〔2026〕9号");
        // Outside the three months up to 16 November.
        await RecordAsync(office, "typo", world.OfficeDepartment, "office", "2026-08-01", "统办发〔2026〕3号");
        await RecordAsync(office, "typo", world.OfficeDepartment, "office", "2026-11-02", "统办发〔2026〕5号");
        var offices = (await RecordAsync(office, "policy", world.OfficeDepartment, "handler", "2026-11-03", "统办发〔2026〕6号")).GetProperty("id").GetGuid();

        // The secretary drafted it; the handler is in neither department.
        var secretary = await world.ClientAsync("secretary");
        var handler = await world.ClientAsync("handler");
        (await secretary.GetAsync($"/api/supervision/document-errors/{mine}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await handler.GetAsync($"/api/supervision/document-errors/{mine}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await IdsAsync(handler)).ShouldNotContain(mine);
        (await IdsAsync(handler)).ShouldContain(offices);
        (await IdsAsync(await world.ClientAsync("leader"))).ShouldContain(mine);

        var repeat = await office.GetFromJsonAsync<JsonElement>("/api/supervision/document-errors/repeat-drafters?on=2026-11-16", Cancel);
        repeat.GetProperty("from").GetString().ShouldBe("2026-08-17");
        var drafter = repeat.GetProperty("drafters").EnumerateArray().Where(d => d.GetProperty("drafterId").GetGuid() == world.People["secretary"]).ShouldHaveSingleItem();
        drafter.GetProperty("errors").GetInt32().ShouldBe(2);
        repeat.GetProperty("drafters").EnumerateArray().Select(d => d.GetProperty("drafterId").GetGuid())
            .ShouldNotContain(world.People["office"], "one of the office's two errors is older than three months");
        (await (await world.ClientAsync("leader")).GetAsync("/api/supervision/document-errors/repeat-drafters", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await secretary.GetAsync("/api/supervision/document-errors/repeat-drafters", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_monthly_notice_is_a_pdf_and_a_spreadsheet_of_the_departments_errors_with_counts_by_type()
    {
        var office = await world.ClientAsync("office");
        var department = Guid.CreateVersion7();
        await world.Reporting.QueryAsync(db =>
        {
            db.Units.Add(new Platform.Organisation.DirectoryUnit(department, Platform.Organisation.UnitKinds.Department, "宣传科", null));
            return db.SaveChangesAsync(Cancel);
        });
        // The tests share one register: these drafters are not the ones whose repeat errors another test counts.
        await RecordAsync(office, "typo", department, "member", "2026-11-05", "宣发〔2026〕11号");
        await RecordAsync(office, "typo", department, "handler", "2026-11-09", "宣发〔2026〕12号");
        await RecordAsync(office, "punctuation", department, "member", "2026-11-11", "宣发〔2026〕13号");
        await RecordAsync(office, "typo", department, "member", "2026-10-30", "宣发〔2026〕10号");
        var notice = $"/api/supervision/document-errors/notice?year=2026&month=11&departmentId={department}";

        using var pdfAnswer = await office.GetAsync(notice, Cancel);
        pdfAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, await pdfAnswer.Content.ReadAsStringAsync(Cancel));
        pdfAnswer.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(await pdfAnswer.Content.ReadAsByteArrayAsync(Cancel));
        var text = Plain(string.Concat(pdf.GetPages().Select(p => p.Text)));
        text.ShouldContain(Plain("错情通报"));
        text.ShouldContain(Plain("通报期间：2026年11月"));
        text.ShouldContain(Plain("责任部门：宣传科"));
        text.ShouldContain(Plain("生成时间：2026-11-16"));
        text.ShouldContain(Plain("2026-11-05宣发〔2026〕11号"));
        text.ShouldContain(Plain("宣发〔2026〕13号"));
        text.ShouldNotContain(Plain("宣发〔2026〕10号"));
        text.ShouldContain(Plain("错别字2"));
        text.ShouldContain(Plain("标点错误1"));
        text.ShouldContain(Plain("合计3"));

        using var xlsxAnswer = await office.GetAsync(notice + "&format=xlsx", Cancel);
        xlsxAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var file = new MemoryStream(await xlsxAnswer.Content.ReadAsByteArrayAsync(Cancel));
        MiniExcel.GetSheetNames(file).ShouldBe(["本月错情", "按错情类型统计"]);
        file.Position = 0;
        var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: "本月错情").Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).First(v => v!.StartsWith("宣发", StringComparison.Ordinal)))
            .ShouldBe(["宣发〔2026〕11号", "宣发〔2026〕12号", "宣发〔2026〕13号"]);
        rows.Select(r => r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).Count(v => v is "错别字" or "标点错误")).ShouldAllBe(n => n == 1);

        (await (await world.ClientAsync("handler")).GetAsync(notice, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await office.GetAsync(notice + "&format=csv", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await office.GetAsync("/api/supervision/document-errors/notice?month=13", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var figures = await office.GetFromJsonAsync<JsonElement>("/api/supervision/figures/document-errors?year=2026", Cancel);
        var ours = figures.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("departmentId").GetGuid() == department)
            .Select(r => (r.GetProperty("month").GetInt32(), r.GetProperty("departmentName").GetString(), r.GetProperty("errors").GetInt32())).ToList();
        ours.ShouldBe([(10, "宣传科", 1), (11, "宣传科", 3)]);
    }

    private async Task<JsonElement> RecordAsync(HttpClient office, string type, Guid department, string drafter, string foundOn, string number)
    {
        using var response = await office.PostAsJsonAsync("/api/supervision/document-errors", Body(type, department, world.People[drafter], foundOn, number), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static async Task<(HttpStatusCode Status, string? Field)> SendAsync(HttpClient client, string type, Guid department, Guid drafter, string foundOn)
    {
        using var response = await client.PostAsJsonAsync("/api/supervision/document-errors", Body(type, department, drafter, foundOn, "测〔2026〕1号"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var field = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
            ? JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().First().Name
            : null;
        return (response.StatusCode, field);
    }

    private static object Body(string type, Guid department, Guid drafter, string foundOn, string number) => new
    {
        documentNumber = number, documentTitle = "关于开展机关作风建设专项检查的通知", errorType = type, description = "第二段“部属”误作“布署”。",
        foundBy = "办公室核稿人", stage = "preIssue", departmentId = department, drafterId = drafter, foundOn,
    };

    private static async Task<List<Guid>> IdsAsync(HttpClient client) =>
        [.. (await client.AllItemsAsync("/api/supervision/document-errors", Cancel)).Select(e => e.GetProperty("id").GetGuid())];
}
