using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.EndToEndTests;

/// <summary>
/// The tickets issue's acceptance scenario, scripted through the gateway with people's own tokens: the demo enterprise
/// files a problem on the portal, the office accepts it and assigns it to a task force with a co-handling one, the
/// task force's handler pauses it for material, resumes and works it to resolved, the enterprise confirms it satisfied,
/// and reporting's ticket figures count it accepted on time, resolved on time and satisfied.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TicketClosedLoopScenarioTests(PlatformFixture platform)
{
    // Delivery through the outbox and the broker is asynchronous; how fast it is belongs to
    // bench/ticket-figures-latency.sh, so this only waits long enough never to fail on a busy machine.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_ticket_walked_to_confirmed_through_a_co_handled_assignment_is_counted_on_time_and_satisfied()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var enterprise = await SignedInAsync("enterprise", cancellationToken);
        using var office = await SignedInAsync("office", cancellationToken);
        using var handler = await SignedInAsync("handler", cancellationToken);
        using var leader = await SignedInAsync("leader", cancellationToken);
        var taskForces = (await office.AllItemsAsync("/api/directory/units?kind=taskForce", cancellationToken))
            .ToDictionary(u => u.GetProperty("name").GetString()!, u => u.GetProperty("id").GetGuid());
        // handler belongs to 招商服务专班 (DevelopmentSeed), so it leads; the relocation task force co-handles.
        var lead = taskForces["招商服务专班"];
        var coHandling = taskForces["征迁服务专班"];
        // Figures aggregate every ticket submitted in the period: the lead unit and category narrow them, and the
        // difference from before this ticket isolates it exactly.
        var figures = $"/api/reporting/tickets/figures?from={ChinaToday().AddDays(-1):yyyy-MM-dd}&to={ChinaToday().AddDays(1):yyyy-MM-dd}" +
            $"&category=financing&unitId={lead}";
        var before = (await leader.GetFromJsonAsync<JsonElement>(figures, cancellationToken)).GetProperty("total");

        var (id, etag) = await TicketSteps.SubmitAsync(enterprise, "脚本贯通：扩产流动资金贷款");
        etag = await TicketSteps.StepAsync(office, id, "accept", new { note = "属于企业服务范围" }, etag);
        etag = await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = lead, coHandlingUnitIds = new[] { coHandling } }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "pause", new { reason = "请企业补充近三年财务报表" }, etag);
        etag = await TicketSteps.StepAsync(enterprise, id, "attachments", new
        {
            attachments = new[] { new { fileName = "近三年财务报表.pdf", contentType = "application/pdf", sizeBytes = 482_113, sha256 = new string('a', 64) } },
        }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "resume", new { note = "财务报表已收到" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "start", new { note = "已电话联系企业财务负责人" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "respond", new { note = "已对接两家银行，正在评估授信" }, etag);
        etag = await TicketSteps.StepAsync(office, id, "co-handling-feedback", new { unitId = coHandling, note = "厂区用地无征迁问题" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "resolve", new { note = "银行授信已批复，贷款已发放" }, etag);
        await TicketSteps.StepAsync(enterprise, id, "confirm", new { satisfaction = "satisfied", note = "问题已解决，感谢" }, etag);

        var ticket = await enterprise.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", cancellationToken);
        ticket.GetProperty("channel").GetString().ShouldBe("portal");
        ticket.GetProperty("state").GetString().ShouldBe("confirmed");
        ticket.GetProperty("satisfaction").GetString().ShouldBe("satisfied");
        ticket.GetProperty("leadUnitId").GetGuid().ShouldBe(lead);
        ticket.GetProperty("coHandlingUnitIds").EnumerateArray().Select(u => u.GetGuid()).ShouldBe([coHandling]);

        var timeline = (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}/timeline", cancellationToken))
            .EnumerateArray().Select(e => (
                Action: e.GetProperty("action").GetString(),
                Actor: e.GetProperty("actorName").GetString(),
                Role: e.GetProperty("actorRole").GetString(),
                Unit: e.GetProperty("unitId").ValueKind == JsonValueKind.Null ? (Guid?)null : e.GetProperty("unitId").GetGuid(),
                To: e.GetProperty("toState").GetString()))
            .ToList();
        var officeUnit = (await office.AllItemsAsync("/api/directory/units?kind=department", cancellationToken))
            .Single(u => u.GetProperty("name").GetString() == "办公室").GetProperty("id").GetGuid();
        timeline.ShouldBe(
        [
            ("submit", "示范科技联络员", "EnterpriseContact", null, "submitted"),
            ("accept", "办公室督办专员", "OfficeStaff", officeUnit, "accepted"),
            ("assign", "办公室督办专员", "OfficeStaff", officeUnit, "assigned"),
            ("pause", "招商服务专班经办人", "TaskForceHandler", lead, "paused"),
            ("attach", "示范科技联络员", "EnterpriseContact", null, "paused"),
            ("resume", "招商服务专班经办人", "TaskForceHandler", lead, "assigned"),
            ("start", "招商服务专班经办人", "TaskForceHandler", lead, "inProgress"),
            ("respond", "招商服务专班经办人", "TaskForceHandler", lead, "responded"),
            ("co-handling-feedback", "办公室督办专员", "OfficeStaff", coHandling, "responded"),
            ("resolve", "招商服务专班经办人", "TaskForceHandler", lead, "resolved"),
            ("confirm", "示范科技联络员", "EnterpriseContact", null, "confirmed"),
        ]);

        // Reporting applies each event from its own queue, in any order: wait until all of this ticket's facts are in.
        var after = await Eventually.ReturnsAsync(
            async () => (await leader.GetFromJsonAsync<JsonElement>(figures, cancellationToken)).GetProperty("total"),
            now => Added(now, before, "volume") == 1 && Added(now, before, "accepted") == 1
                && Added(now, before, "resolved") == 1 && Added(now, before, "confirmed") == 1,
            Delivery, "reporting's figures to count the confirmed ticket", cancellationToken);
        AddedMeeting(after, before, "accepted", "acceptedOnTimeRate").ShouldBe(1, "accepted by the acceptance deadline");
        AddedMeeting(after, before, "resolved", "resolvedOnTimeRate").ShouldBe(1, "resolved by the original resolution deadline");
        AddedMeeting(after, before, "confirmed", "satisfactionRate").ShouldBe(1, "satisfied");
        AddedMeeting(after, before, "resolved", "reopenRate").ShouldBe(0, "never reopened");
    }

    private Task<HttpClient> SignedInAsync(string userName, CancellationToken cancellationToken) => platform.SignedInAsync(userName, cancellationToken);

    private static DateOnly ChinaToday() => PlatformFixture.ChinaToday();

    private static int Added(JsonElement after, JsonElement before, string count) =>
        after.GetProperty(count).GetInt32() - before.GetProperty(count).GetInt32();

    /// <summary>How many more of the counted tickets meet a rate's condition (on time, satisfied, reopened): rate × count.</summary>
    private static int AddedMeeting(JsonElement after, JsonElement before, string count, string rate) =>
        Meeting(after, count, rate) - Meeting(before, count, rate);

    private static int Meeting(JsonElement figures, string count, string rate) =>
        figures.GetProperty(rate).ValueKind == JsonValueKind.Null
            ? 0
            : (int)Math.Round(figures.GetProperty(rate).GetDouble() * figures.GetProperty(count).GetInt32());
}
