using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Features.Documents;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// The received-document register (文件不过夜) on a clock the test moves: deadlines by priority class in working hours,
/// the steps and their guards, who sees a document, the list of what is open at a working day's close, and the
/// close-of-day reminder (one per document and day).
/// </summary>
public sealed class DocumentRegisterTests(DocumentsWorld world) : IClassFixture<DocumentsWorld>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTimeOffset China(int month, int day, int hour, int minute) => new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task A_document_received_at_16_50_and_not_handled_is_on_that_days_close_list_and_its_owner_is_reminded_once()
    {
        // A day no other test of the class closes on: the background pass may still run on another test's clock (the 18th
        // at 10:00 closes the 17th), and it must not remind of this test's document before it is assigned.
        world.Clock.Now = China(11, 24, 16, 50);
        var office = await world.ClientAsync("office");
        var late = await RegisterAsync(office, "ordinary");
        late.GetProperty("deadline").GetDateTimeOffset().ShouldBe(China(11, 24, 17, 30));
        var lateId = late.GetProperty("id").GetGuid();
        await StepAsync(office, lateId, "assign", new { unitId = world.OfficeDepartment }, HttpStatusCode.OK);
        var handled = (await RegisterAsync(office, "ordinary")).GetProperty("id").GetGuid();
        await StepAsync(office, handled, "assign", new { personId = world.People["office"] }, HttpStatusCode.OK);
        await StepAsync(office, handled, "handle", new { outcome = "filed" }, HttpStatusCode.OK);

        var list = await office.GetFromJsonAsync<JsonElement>("/api/supervision/documents/open-at-close?day=2026-11-24", Cancel);
        list.GetProperty("closesAt").GetDateTimeOffset().ShouldBe(China(11, 24, 17, 30));
        var open = list.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
        open.ShouldContain(lateId);
        open.ShouldNotContain(handled);
        // The day before closed before it arrived.
        (await office.GetFromJsonAsync<JsonElement>("/api/supervision/documents/open-at-close?day=2026-11-23", Cancel))
            .GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ShouldNotContain(lateId);
        using var weekend = await office.GetAsync("/api/supervision/documents/open-at-close?day=2026-11-21", Cancel);
        weekend.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // After the close the scheduler reminds its owner, once: a later pass of the same day adds nothing.
        world.Clock.Now = China(11, 24, 17, 31);
        var reminders = await Eventually.ReturnsAsync(
            () => world.Reporting.QueryAsync(db => db.DocumentReminders.Where(r => r.DocumentId == lateId).ToListAsync(Cancel)),
            r => r.Count > 0, TimeSpan.FromSeconds(20), "the close-of-day reminder", Cancel);
        var reminder = reminders.ShouldHaveSingleItem();
        (reminder.Day, reminder.AssigneeUnitId).ShouldBe((new DateOnly(2026, 11, 24), (Guid?)world.OfficeDepartment));
        (await world.EventsAsync(reminder.Id)).ShouldBe([("supervision.document-reminder-due.v1", 1L)]);
        await using (var scope = world.Reporting.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<DocumentReminderIssuer>().RunOnceAsync(Cancel)).ShouldNotContain(r => r.DocumentId == lateId);
        }
        (await world.Reporting.QueryAsync(db => db.DocumentReminders.CountAsync(r => r.DocumentId == lateId, Cancel))).ShouldBe(1);
        (await world.Reporting.QueryAsync(db => db.DocumentReminders.CountAsync(r => r.DocumentId == handled, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task Deadlines_follow_the_priority_class_in_working_hours()
    {
        world.Clock.Now = China(11, 20, 19, 0);
        var office = await world.ClientAsync("office");
        var friday = China(11, 20, 16, 30);
        async Task<DateTimeOffset> DeadlineAsync(string priority, DateTimeOffset receivedAt) =>
            (await RegisterAsync(office, priority, receivedAt)).GetProperty("deadline").GetDateTimeOffset();

        // 要事即办: one working hour; 急事快办: four, running over the weekend into Monday morning; 特事特办: eight, as configured.
        (await DeadlineAsync("important", friday)).ShouldBe(China(11, 20, 17, 30));
        (await DeadlineAsync("urgent", friday)).ShouldBe(China(11, 23, 12, 0));
        (await DeadlineAsync("special", friday)).ShouldBe(China(11, 23, 17, 30));
        // Ordinary: the close of the day it arrived; after hours, of the next working day.
        (await DeadlineAsync("ordinary", friday)).ShouldBe(China(11, 20, 17, 30));
        (await DeadlineAsync("ordinary", China(11, 20, 18, 0))).ShouldBe(China(11, 23, 17, 30));

        using var future = await office.PostAsJsonAsync("/api/supervision/documents", Body("ordinary", China(11, 20, 20, 0)), Cancel);
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.Content.ReadAsStringAsync(Cancel)).ShouldContain("receivedAt");
    }

    [Fact]
    public async Task Steps_are_allowed_in_their_states_only_and_each_change_raises_its_versioned_event()
    {
        world.Clock.Now = China(11, 18, 10, 0);
        var office = await world.ClientAsync("office");
        var id = (await RegisterAsync(office, "urgent")).GetProperty("id").GetGuid();

        await StepAsync(office, id, "handle", new { outcome = "answered" }, HttpStatusCode.Conflict);
        await StepAsync(office, id, "read", new { }, HttpStatusCode.Conflict);
        using (var stale = Step(id, "assign", new { unitId = world.OfficeDepartment }))
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
            using var answer = await office.SendAsync(stale, Cancel);
            answer.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        await StepAsync(office, id, "assign", new { unitId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity);
        await StepAsync(office, id, "assign", new { personId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity);
        await StepAsync(office, id, "assign", new { }, HttpStatusCode.BadRequest);
        await StepAsync(office, id, "assign", new { unitId = world.OfficeDepartment }, HttpStatusCode.OK);
        var read = await StepAsync(office, id, "read", null, HttpStatusCode.OK);
        var reader = read.GetProperty("reads").EnumerateArray().ShouldHaveSingleItem();
        (reader.GetProperty("personId").GetGuid(), reader.GetProperty("readAt").GetDateTimeOffset()).ShouldBe((world.People["office"], world.Clock.Now));
        var done = await StepAsync(office, id, "handle", new { outcome = "answered", note = "已按要求报送" }, HttpStatusCode.OK);
        (done.GetProperty("state").GetString(), done.GetProperty("outcome").GetString(), done.GetProperty("overdue").GetBoolean())
            .ShouldBe(("handled", "answered", false));
        await StepAsync(office, id, "assign", new { unitId = world.OfficeDepartment }, HttpStatusCode.Conflict);
        await StepAsync(office, id, "handle", new { outcome = "filed" }, HttpStatusCode.Conflict);

        (await world.EventsAsync(id)).ShouldBe(
        [
            ("supervision.document-received.v1", 1L), ("supervision.document-assigned.v1", 2L), ("supervision.document-handled.v1", 3L),
        ]);
    }

    [Fact]
    public async Task A_document_is_its_assignees_and_the_offices_leaders_read_it_everyone_else_is_told_it_does_not_exist()
    {
        world.Clock.Now = China(11, 19, 9, 30);
        var office = await world.ClientAsync("office");
        var handler = await world.ClientAsync("handler");
        var member = await world.ClientAsync("member");
        var leader = await world.ClientAsync("leader");
        var id = (await RegisterAsync(office, "important")).GetProperty("id").GetGuid();

        (await handler.GetAsync($"/api/supervision/documents/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await StepAsync(office, id, "assign", new { personId = world.People["handler"] }, HttpStatusCode.OK);

        (await handler.GetAsync($"/api/supervision/documents/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync($"/api/supervision/documents/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListedAsync(member)).ShouldNotContain(id);
        (await ListedAsync(handler)).ShouldContain(id);
        (await ListedAsync(leader)).ShouldContain(id);
        (await member.PostAsJsonAsync($"/api/supervision/documents/{id}/read", new { }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await handler.PostAsJsonAsync($"/api/supervision/documents/{id}/assign", new { personId = world.People["member"] }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A leader reads every document but handles none.
        (await leader.PostAsJsonAsync($"/api/supervision/documents/{id}/handle", new { outcome = "filed" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        world.Clock.Now = China(11, 19, 11, 0);
        await StepAsync(handler, id, "read", new { }, HttpStatusCode.OK);
        var done = await StepAsync(handler, id, "handle", new { outcome = "filed" }, HttpStatusCode.OK);
        // 要事即办 gives one working hour: 09:30 to 10:30, so 11:00 is late.
        done.GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    private static object Body(string priority, DateTimeOffset? receivedAt = null) => new
    {
        number = $"统办发〔2026〕{Random.Shared.Next(1, 999)}号", issuer = "市委办公室", title = "关于做好年终岁末有关工作的通知", @class = "上级来文",
        priority, receivedAt,
    };

    private static async Task<JsonElement> RegisterAsync(HttpClient office, string priority, DateTimeOffset? receivedAt = null)
    {
        using var response = await office.PostAsJsonAsync("/api/supervision/documents", Body(priority, receivedAt), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static HttpRequestMessage Step(Guid id, string step, object? body) =>
        new(HttpMethod.Post, $"/api/supervision/documents/{id}/{step}") { Content = body is null ? null : JsonContent.Create(body) };

    private static async Task<JsonElement> StepAsync(HttpClient client, Guid id, string step, object? body, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(Step(id, step, body), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(expected, $"{step}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<Guid>> ListedAsync(HttpClient client) =>
        [.. (await client.AllItemsAsync("/api/supervision/documents", Cancel)).Select(d => d.GetProperty("id").GetGuid())];
}
