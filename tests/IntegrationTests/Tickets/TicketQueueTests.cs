using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>The queue (filters, nearest deadline first, keyset paging, working time remaining) and the CSV export.</summary>
public sealed class TicketQueueTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_puts_the_nearest_deadline_first_and_pages_without_losing_or_repeating_tickets()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var marker = "队列" + Guid.NewGuid().ToString("N")[..6];
        var ids = new Dictionary<string, Guid>();
        foreach (var priority in new[] { "normal", "immediate", "urgent" })
        {
            using var created = await office.PostAsJsonAsync("/api/tickets", new
            {
                title = $"{marker} {priority}", category = "approvals", description = "审批时限咨询", priority,
                enterpriseName = "三明市某某科技有限公司", unifiedSocialCreditCode = TicketRequests.ValidCreditCode,
            }, Cancel);
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids[priority] = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        }

        var seen = new List<JsonElement>();
        string? next = $"/api/tickets?q={Uri.EscapeDataString(marker)}&state=submitted&limit=1";
        do
        {
            var page = await office.GetFromJsonAsync<JsonElement>(next, Cancel);
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
            next?.ShouldContain("state=submitted", Case.Sensitive, "the next link keeps the filters");
        }
        while (next is not null && seen.Count < 10);

        // Which deadline is nearest depends on the hour (late in the afternoon a normal ticket's same-day acceptance comes
        // before an immediate one's working hour, which runs into tomorrow): the order is the deadlines', whatever the hour.
        seen.Select(i => i.GetProperty("ticket").GetProperty("id").GetGuid()).ShouldBe(ids.Values, ignoreOrder: true);
        seen.Select(i => i.GetProperty("due").GetDateTimeOffset()).ShouldBeInOrder();
        seen.ShouldAllBe(i => !i.GetProperty("overdue").GetBoolean());
        seen.ShouldAllBe(i => i.GetProperty("workingHoursRemaining").GetDouble() > 0);

        using var badFilter = await office.GetAsync("/api/tickets?state=lost&priority=whenever", Cancel);
        badFilter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await badFilter.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        errors.TryGetProperty("state", out _).ShouldBeTrue();
        errors.TryGetProperty("priority", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_enterprise_s_queue_holds_only_its_own_tickets()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        await TicketSteps.SubmitAsync(enterprise, "本企业的工单");
        await fixture.Client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("别的企业的工单"), Cancel);

        var page = await enterprise.GetFromJsonAsync<JsonElement>("/api/tickets?limit=200", Cancel);

        page.GetProperty("items").EnumerateArray().ShouldAllBe(i =>
            i.GetProperty("ticket").GetProperty("unifiedSocialCreditCode").GetString() == TicketSteps.DemoEnterpriseCode);
    }

    [Fact]
    public async Task The_export_is_a_csv_excel_opens_with_formulas_defused_or_an_xlsx_workbook()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var marker = "导出" + Guid.NewGuid().ToString("N")[..6];
        using var created = await office.PostAsJsonAsync("/api/tickets", new
        {
            title = $"=HYPERLINK(\"x\") {marker}", category = "policy", description = "政策兑现, 含逗号",
            enterpriseName = "三明市某某科技有限公司", unifiedSocialCreditCode = TicketRequests.ValidCreditCode,
        }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var export = await office.GetAsync($"/api/tickets/export.csv?q={Uri.EscapeDataString(marker)}", Cancel);

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await export.Content.ReadAsByteArrayAsync(Cancel);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("工单编号,标题,类别");
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain($"\"'=HYPERLINK(\"\"x\"\") {marker}\"");

        using var xlsx = await office.GetAsync($"/api/tickets/export.xlsx?q={Uri.EscapeDataString(marker)}", Cancel);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new System.IO.Compression.ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Cancel)));
        var text = string.Concat(workbook.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        text.ShouldContain("工单编号");
        text.ShouldContain(marker);
        (await office.GetAsync("/api/tickets/export.pdf", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        (await enterprise.GetAsync("/api/tickets/export.csv", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
