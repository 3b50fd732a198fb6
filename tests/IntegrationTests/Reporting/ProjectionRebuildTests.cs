using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Reporting's projections rebuilt by an operator from the services' event history (each service sends its history to
/// the projection's queue through RabbitMQ) give the figures and rows they had before the rebuild.
/// </summary>
public sealed class ProjectionRebuildTests(TestServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    /// <summary>Every table a reporting projection writes: a rebuild must give each the rows it had.</summary>
    private static readonly string[] ProjectionTables =
    [
        "ticket_records", "study_activities", "study_designated_materials", "units", "unit_members", "discipline_campaigns",
        "discipline_sessions", "discipline_quiz_outcomes", "discipline_make_ups", "discipline_pledge_signatures",
    ];
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuilding_every_reporting_projection_from_the_history_gives_the_same_figures_and_rows()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("rebuild")).ToString() };
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, identity.Backchannel());
        await reporting.WaitUntilHealthyAsync(Cancel);
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", shared, identity.Backchannel());
        await using var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", shared, identity.Backchannel());
        await study.WaitUntilHealthyAsync(Cancel);
        using var enterprise = await identity.ClientForPersonAsync(tickets, "enterprise");
        using var office = await identity.ClientForPersonAsync(tickets, "office");
        using var leader = await identity.ClientForPersonAsync(reporting, "leader");
        var units = await TicketUnits.CopyDirectoryAsync(identity, tickets);

        // Three tickets: one accepted and assigned, one accepted, one waiting; two lessons held, one amended.
        var (assigned, _) = await TicketSteps.SubmitAsync(enterprise, "重建测试：已交办");
        await TicketSteps.StepAsync(office, assigned, "accept", new { });
        await TicketSteps.StepAsync(office, assigned, "assign", new { leadUnitId = units[TicketUnits.InvestmentTaskForce], coHandlingUnitIds = Array.Empty<Guid>() });
        var (accepted, _) = await TicketSteps.SubmitAsync(enterprise, "重建测试：已受理");
        await TicketSteps.StepAsync(office, accepted, "accept", new { });
        await TicketSteps.SubmitAsync(enterprise, "重建测试：待受理");
        var branch = new DirectoryUnit(Guid.CreateVersion7(), UnitKinds.Branch, "重建测试支部", null);
        await study.QueryAsync(db => { db.Units.Add(branch); return db.SaveChangesAsync(Cancel); });
        var now = DateTimeOffset.UtcNow;
        await HoldLessonAsync(study, branch, now, attendees: 3, amendedTo: null);
        await HoldLessonAsync(study, branch, now, attendees: 2, amendedTo: 4);

        var today = ChinaCalendar.DateOf(now);
        var figurePaths = new[]
        {
            "/api/reporting/tickets/figures",
            "/api/reporting/tickets/summary",
            $"/api/reporting/study/summary?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}",
            "/api/reporting/tickets/figures?groupBy=unit",
            $"/api/reporting/study/coverage?year={today.Year}&groupBy=branch",
            $"/api/reporting/study/compliance?year={today.Year}",
            $"/api/reporting/scorecard?year={today.Year}",
            $"/api/reporting/discipline/coverage?year={today.Year}",
        };
        var before = await Eventually.ReturnsAsync(() => SnapshotAsync(leader, reporting, figurePaths),
            s => s.Contains("\"volume\":3") && s.Contains("\"accepted\":2") && s.Contains("\"attendances\":7"),
            Timeout, "reporting to have every ticket and study event", Cancel);
        // Settled: the same snapshot a moment later (no event was still on its way).
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        (await SnapshotAsync(leader, reporting, figurePaths)).ShouldBe(before);

        using var operations = OperatorClient(reporting);
        var projections = await operations.GetFromJsonAsync<JsonElement>("/ops/projections", Cancel);
        var names = projections.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        names.ShouldBe(["community-registrations", "community-services", "community-themes", "directory-units", "discipline-campaigns",
            "discipline-make-ups", "discipline-pledges", "discipline-quiz-outcomes", "discipline-sessions", "liaison-visits", "publicity-items",
            "study-activities", "study-materials", "ticket-records", "unit-rosters"]);
        var ticketRecords = projections.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ticket-records");
        ticketRecords.GetProperty("aggregates").GetInt32().ShouldBe(3);
        ticketRecords.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ShouldContain("tickets.ticket-submitted.v1");

        foreach (var name in names)
        {
            using var rebuilt = await operations.PostAsync($"/ops/projections/{name}/rebuild", null, Cancel);
            rebuilt.StatusCode.ShouldBe(HttpStatusCode.Accepted, name);
            (await rebuilt.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("projection").GetString().ShouldBe(name);
        }
        // The rebuild emptied the tables at once; the history fills them again.
        var after = await Eventually.ReturnsAsync(() => SnapshotAsync(leader, reporting, figurePaths), s => s == before,
            Timeout, "the rebuilt projections to give the figures and rows they had", Cancel);
        after.ShouldBe(before);
        (await reporting.QueryAsync(db => db.Set<ProjectionPosition>().CountAsync(p => p.Projection == "ticket-records", Cancel))).ShouldBe(3);

        // Each service's history holds what it raised; a rebuild request itself is in no history.
        (await tickets.QueryAsync(db => db.Set<EventHistoryEntry>().CountAsync(Cancel)))
            .ShouldBe(await tickets.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(Cancel)));
        (await reporting.QueryAsync(db => db.Set<EventHistoryEntry>().CountAsync(Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_rebuild_without_any_history_gives_empty_figures_and_an_unknown_projection_is_404()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", identityBackchannel: identity.Backchannel());
        await reporting.WaitUntilHealthyAsync(Cancel);
        using var leader = await identity.ClientForPersonAsync(reporting, "leader");
        using var operations = OperatorClient(reporting);

        using (var rebuilt = await operations.PostAsync("/ops/projections/ticket-records/rebuild", null, Cancel))
        {
            rebuilt.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        // The request went out through the outbox and every service (here: reporting alone) answered with nothing.
        await Eventually.ReturnsAsync(() => reporting.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null, Cancel)),
            sent => sent == 1, Timeout, "the rebuild request to leave the outbox", Cancel);
        var figures = await leader.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/figures", Cancel);
        figures.GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(0);
        (await leader.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/summary", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);

        using var unknown = await operations.PostAsync("/ops/projections/no-such-projection/rebuild", null, Cancel);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        problem.GetProperty("title").GetString().ShouldBe("没有该投影");
        problem.GetProperty("detail").GetString()!.ShouldContain("no-such-projection");
    }

    private static HttpClient OperatorClient(ServiceFactory<ReportingDbContext> reporting)
    {
        var client = reporting.CreateClient();
        client.DefaultRequestHeaders.Add(OperationsAccess.KeyHeader, ServiceFactory<ReportingDbContext>.OperationsKey);
        return client;
    }

    /// <summary>Every figure endpoint's answer and every projection table's rows (without PostgreSQL's row versions), as one text.</summary>
    private async Task<string> SnapshotAsync(HttpClient leader, ServiceFactory<ReportingDbContext> reporting, IEnumerable<string> figurePaths)
    {
        var parts = new List<string>();
        foreach (var path in figurePaths)
        {
            parts.Add($"{path}: {await leader.GetStringAsync(path, Cancel)}");
        }
        foreach (var table in ProjectionTables)
        {
            // to_jsonb leaves out the system columns (xmin, the row version), which a re-inserted row changes. The
            // table names are the constants above.
            var sql = "SELECT COALESCE(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')::text AS \"Value\" FROM " + table + " t";
            var rows = await reporting.QueryAsync(db => db.Database.SqlQueryRaw<string>(sql).SingleAsync(Cancel));
            parts.Add($"{table}: {rows}");
        }
        return string.Join(Environment.NewLine, parts);
    }

    private Task<Guid> HoldLessonAsync(ServiceFactory<StudyDbContext> study, DirectoryUnit branch, DateTimeOffset now, int attendees, int? amendedTo) =>
        study.QueryAsync(async db =>
        {
            var activity = StudyActivity.Schedule(ActivityKind.PartyLesson, branch, branch.Id, "重建测试党课", [], now.AddHours(-3), now.AddHours(-1), "三楼会议室",
                new ActivityAudience(AudienceKind.Unit, branch.Id, [], null), [], null, "测试", now.AddDays(-2));
            db.Activities.Add(activity);
            await db.SaveChangesAsync(Cancel);
            activity.Hold(new HeldRecord(now.AddHours(-3), 90, "会议记录", 0, StudySummaryTests.Present(attendees)), ChinaCalendar.DateOf(now), now);
            await db.SaveChangesAsync(Cancel);
            if (amendedTo is { } count)
            {
                activity.Amend(activity.Record! with { Attendance = StudySummaryTests.Present(count) }, "漏记", "测试", now);
                await db.SaveChangesAsync(Cancel);
            }
            return activity.Id;
        });
}
