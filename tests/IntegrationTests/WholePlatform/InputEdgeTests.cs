using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Http;
using Shouldly;

namespace BrandPlatform.IntegrationTests.WholePlatform;

/// <summary>
/// The inputs that were 500s through the gateway before the fuzz run (a cursor that reads but points nowhere, dates at
/// the ends of the calendar, a NUL in free text, an attachment without its file name) and the rules that replaced them.
/// </summary>
[Collection(FuzzPlatformCollection.Name)]
public sealed class InputEdgeTests(FuzzPlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Text_PostgreSQL_cannot_hold_is_a_field_error_and_writes_nothing_while_other_odd_text_is_kept_as_typed()
    {
        using var system = await platform.ClientAsync("tickets", CallerKind.System());
        var rows = await RowCounts.OfAsync(platform.Services["tickets"]);
        var before = await rows.TakeAsync(Cancel);

        var nul = JsonSerializer.Serialize(TicketRequests.Valid("贷款\u0000需求"));
        await ShouldBeFieldErrorAsync(await system.PostAsync("/api/tickets", Json(nul), Cancel), "title", StorableText.Message);
        var loneSurrogate = JsonSerializer.Serialize(TicketRequests.Valid("MARK")).Replace("MARK", "贷款\\ud800需求", StringComparison.Ordinal);
        await ShouldBeFieldErrorAsync(await system.PostAsync("/api/tickets", Json(loneSurrogate), Cancel), "title", StorableText.Message);
        await ShouldBeFieldErrorAsync(await system.GetAsync("/api/tickets?q=%00", Cancel), "q", StorableText.Message);
        RowCounts.Grown(before, await rows.TakeAsync(Cancel)).ShouldBeEmpty();

        const string odd = "\ufeff贷款\u200f需求\u2028第二行\u202e \U0001F600";
        using var created = await system.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(odd), Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("title").GetString().ShouldBe(odd);
    }

    [Fact]
    public async Task Dates_at_the_ends_of_the_calendar_are_periods_like_any_other()
    {
        using var office = await platform.ClientAsync("tickets", CallerKind.Person("office"));
        using var reporting = await platform.ClientAsync("reporting", CallerKind.Person("office"));
        const string everything = "from=0001-01-01&to=9999-12-31";
        (await office.GetAsync($"/api/tickets?{everything}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.GetAsync($"/api/tickets/export.csv?{everything}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await office.GetAsync("/api/tickets/withdrawals?month=9999-12", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporting.GetAsync($"/api/reporting/tickets/figures?{everything}&groupBy=month", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporting.GetAsync($"/api/reporting/tickets/figures?{everything}&groupBy=quarter", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeFieldErrorAsync(await office.GetAsync("/api/tickets?from=9999-12-31&to=0001-01-01", Cancel), "to", "结束日期不能早于开始日期");
    }

    [Fact]
    public async Task A_cursor_that_reads_continues_from_where_it_points_and_one_that_does_not_is_a_field_error()
    {
        using var office = await platform.ClientAsync("tickets", CallerKind.Person("office"));
        var nowhere = Cursor($$"""{"k":"2999-01-01T00:00:00+08:00","i":"{{Guid.NewGuid()}}"}""");
        var past = await office.GetFromJsonAsync<JsonElement>($"/api/tickets?cursor={nowhere}", Cancel);
        past.GetProperty("items").GetArrayLength().ShouldBe(0);
        past.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);

        foreach (var unreadable in new[] { "!!!", Cursor("garbage"), Cursor("""{"k":"中文\u0000","i":1}"""), Cursor($"{long.MaxValue}|{Guid.NewGuid():N}") })
        {
            await ShouldBeFieldErrorAsync(await office.GetAsync($"/api/tickets?cursor={Uri.EscapeDataString(unreadable)}", Cancel), "cursor",
                KeysetPaging.InvalidCursorMessage);
        }
        await ShouldBeFieldErrorAsync(await office.GetAsync("/api/tickets?limit=0", Cancel), "limit", $"每页1至{KeysetPaging.MaxLimit}条");
    }

    [Fact]
    public async Task An_attachment_without_its_file_name_or_sent_as_null_is_a_field_error_and_writes_nothing()
    {
        using var system = await platform.ClientAsync("tickets", CallerKind.System());
        using var created = await system.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("补充材料"), Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var rows = await RowCounts.OfAsync(platform.Services["tickets"]);
        var before = await rows.TakeAsync(Cancel);

        using var attached = await system.PostAsJsonAsync($"/api/tickets/{id}/attachments", new
        {
            attachments = new[] { new { contentType = (string?)null, sizeBytes = 1024, sha256 = new string('a', 64) } },
        }, Cancel);

        await ShouldBeFieldErrorAsync(attached, "attachments[0].fileName", null);
        await ShouldBeFieldErrorAsync(await system.PostAsync($"/api/tickets/{id}/attachments", Json("""{ "attachments": [null] }"""), Cancel),
            "attachments[0]", "列表项不能为空");
        RowCounts.Grown(before, await rows.TakeAsync(Cancel)).ShouldBeEmpty();
    }

    /// <summary>Found by the long fuzz run (2,000 cases per operation): each was a 500.</summary>
    [Fact]
    public async Task A_contact_without_a_phone_and_an_empty_or_unknown_role_filter_are_field_errors()
    {
        using var handler = await platform.ClientAsync("tickets", CallerKind.Person("handler"));
        var rows = await RowCounts.OfAsync(platform.Services["tickets"]);
        var before = await rows.TakeAsync(Cancel);
        await ShouldBeFieldErrorAsync(await handler.PostAsync("/api/tickets/requesters", Json("""
            { "kind": "person", "name": "张先生", "personCategory": "privateEconomy",
              "contacts": [{ "name": "王经理", "phone": null, "position": "财务总监" }] }
            """), Cancel), "contacts[0].phone", null);
        RowCounts.Grown(before, await rows.TakeAsync(Cancel)).ShouldBeEmpty();

        using var admin = await platform.ClientAsync("identity", CallerKind.Person("admin"));
        await ShouldBeFieldErrorAsync(await admin.GetAsync("/identity/api/directory/people?role=", Cancel), "role", null);
        await ShouldBeFieldErrorAsync(await admin.GetAsync("/identity/api/directory/people?role=Pope", Cancel), "role", "未知角色：“Pope”");
        (await admin.GetAsync("/identity/api/directory/people?role=LiaisonLeader", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Cursor(string content) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task ShouldBeFieldErrorAsync(HttpResponseMessage response, string field, string? message)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            errors.TryGetProperty(field, out var messages).ShouldBeTrue(body);
            if (message is not null)
            {
                messages.EnumerateArray().Select(m => m.GetString()).ShouldContain(message);
            }
        }
    }
}
