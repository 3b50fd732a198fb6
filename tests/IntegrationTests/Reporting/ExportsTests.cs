using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Printing;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MiniExcelLibs;
using Shouldly;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using static BrandPlatform.Testing.PdfText;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// The quarterly report and the spreadsheets, read back: tickets of 2026's third quarter and three units reach
/// reporting as events through the broker, an area's scorecard measures come from a fake, and the PDF (PdfPig) and the
/// XLSX (MiniExcel) show the figures a hand count of that data gives.
/// </summary>
public sealed class ExportsTests(ExportsTests.World world) : IClassFixture<ExportsTests.World>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Quarter = "/api/reporting/reports/quarterly?year=2026&quarter=3";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_quarterly_pdf_shows_the_period_the_measures_the_monthly_trends_and_the_open_escalations()
    {
        var before = DateTimeOffset.UtcNow;
        using var response = await world.Client.GetAsync(Quarter, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("季度工作报告_2026Q3.pdf");

        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Cancel));
        var pages = pdf.GetPages().ToList();
        // Skia's ToUnicode map names a glyph by its lowest code point, and Noto draws some ideographs (工, 至, 生, 一, 支)
        // with the glyph of their Kangxi radical: compatibility normalisation reads them back as the ideographs, as a
        // PDF viewer's search does.
        var text = Plain(string.Concat(pages.Select(p => p.Text)));

        text.ShouldContain(Plain("机关党建品牌服务平台2026年第3季度工作报告"));
        text.ShouldContain(Plain("统计期间：2026-07-01至2026-09-30"));
        var generated = Regex.Match(text, @"生成时间:(\d{4}-\d{2}-\d{2})(\d{2}:\d{2})\(北京时间\)");
        generated.Success.ShouldBeTrue(text);
        var at = DateTime.ParseExact(generated.Groups[1].Value + " " + generated.Groups[2].Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        at.ShouldBeInRange(before.ToChinaTime().DateTime.AddMinutes(-1), DateTimeOffset.UtcNow.ToChinaTime().DateTime);
        text.ShouldContain(Plain($"第1页共{pages.Count}页"));

        // (a) measures per unit, by their current names: part, whole, rate.
        text.ShouldContain(Plain("学习教育覆盖率"));
        text.ShouldContain(Plain("第一党支部7977.8%"));
        text.ShouldContain(Plain("第二党支部44100.0%"));
        text.ShouldContain(Plain("工单按时办结率"));
        text.ShouldContain(Plain("招商引资专班1250.0%"));
        // (b) per month: tickets, accepted on time, resolved on time, satisfied; a month with nothing to divide shows —.
        text.ShouldContain(Plain("7月250.0%50.0%50.0%"));
        text.ShouldContain(Plain("8月1100.0%100.0%100.0%"));
        text.ShouldContain(Plain("9月2100.0%100.0%—"));
        // (c) the escalated ticket still open (the resolved one is not): number, category, lead unit, urges, supervisions, notices.
        text.ShouldContain(Plain($"{world.OpenEscalated}用地招商引资专班110"));
        text.ShouldNotContain(Plain(world.ResolvedEscalated));

        // Charts are drawn, not pasted: no image anywhere, and the line chart's markers are curves among the page's paths.
        pages.ShouldAllBe(p => p.NumberOfImages == 0);
        pages.SelectMany(p => p.Paths).SelectMany(path => path).SelectMany(sub => sub.Commands)
            .OfType<PdfSubpath.CubicBezierCurve>().ShouldNotBeEmpty();
        // The legend and the axis are text in the PDF: the line chart names its series beside the table's header.
        Regex.Matches(text, Plain("满意率")).Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_quarterly_spreadsheet_has_the_same_numbers_one_sheet_per_table()
    {
        using var response = await world.Client.GetAsync(Quarter + "&format=xlsx", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel));

        MiniExcel.GetSheetNames(file).ShouldBe(["覆盖与指标", "月度趋势", "督办工单"]);
        var measures = Sheet(file, "覆盖与指标");
        var first = measures.Single(r => (string)r["单位"]! == "第一党支部");
        (first["指标"], Number(first["达标数"]), Number(first["应达数"]), Number(first["比率"])).ShouldBe(("学习教育覆盖率", 7, 9, 0.7778));
        Number(measures.Single(r => (string)r["单位"]! == "招商引资专班")["比率"]).ShouldBe(0.5);

        var months = Sheet(file, "月度趋势").ToDictionary(r => Number(r["月份"]));
        (Number(months[7]["工单量"]), Number(months[7]["及时受理率"]), Number(months[7]["按时办结率"]), Number(months[7]["满意率"])).ShouldBe((2, 0.5, 0.5, 0.5));
        (Number(months[9]["工单量"]), Number(months[9]["按时办结率"]), months[9]["满意率"]).ShouldBe((2, 1, null));

        var escalation = Sheet(file, "督办工单").ShouldHaveSingleItem();
        (escalation["工单编号"], escalation["类别"], escalation["牵头单位"], Number(escalation["催办"]), Number(escalation["督办"]))
            .ShouldBe((world.OpenEscalated, "用地", "招商引资专班", 1, 1));
    }

    [Fact]
    public async Task Any_figure_answer_comes_as_a_spreadsheet_of_its_rows_named_after_the_period()
    {
        using var figures = await world.Client.GetAsync("/api/reporting/tickets/figures?from=2026-07-01&to=2026-09-30&format=xlsx", Cancel);
        figures.StatusCode.ShouldBe(HttpStatusCode.OK);
        figures.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        figures.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("工单指标_2026-07-01_2026-09-30.xlsx");
        using var figuresFile = new MemoryStream(await figures.Content.ReadAsByteArrayAsync(Cancel));
        MiniExcel.GetSheetNames(figuresFile).ShouldBe(["2026-07-01至2026-09-30"]);
        // No list in the answer: one row, the nested escalation steps flattened to columns.
        var row = Sheet(figuresFile, "2026-07-01至2026-09-30").ShouldHaveSingleItem();
        (Number(row["工单量"]), Number(row["已办结"]), Number(row["按时办结率"]), Number(row["逐级督办·催办"]), Number(row["逐级督办·督办"]))
            .ShouldBe((5, 4, 0.75, 2, 1));
        row.ShouldNotContainKey("起始日期");

        // Asked by Accept: the per-category counts as rows, the total as a row of its own.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reporting/tickets/summary");
        request.Headers.Accept.ParseAdd(Xlsx);
        using var summary = await world.Client.SendAsync(request, Cancel);
        summary.StatusCode.ShouldBe(HttpStatusCode.OK);
        summary.Content.Headers.ContentDisposition!.FileNameStar!.ShouldStartWith("工单量_");
        using var summaryFile = new MemoryStream(await summary.Content.ReadAsByteArrayAsync(Cancel));
        var rows = MiniExcel.Query(summaryFile, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => ((string)r["类别"]!, r["数量"] is null ? (double?)null : Number(r["数量"]), r["合计"] is null ? (double?)null : Number(r["合计"])))
            .ShouldBe([("land", 5, null), ("合计", null, 5)]);

        // JSON stays the default, and the figures are the same.
        var json = await world.Client.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/figures?from=2026-07-01&to=2026-09-30", Cancel);
        json.GetProperty("total").GetProperty("resolvedOnTimeRate").GetDouble().ShouldBe(0.75);

        // Grouped: a row per group, its figures under the same columns, and the total as the last row.
        using var grouped = await world.Client.GetAsync("/api/reporting/tickets/figures?from=2026-07-01&to=2026-09-30&groupBy=category&format=xlsx", Cancel);
        using var groupedFile = new MemoryStream(await grouped.Content.ReadAsByteArrayAsync(Cancel));
        var groupRows = Sheet(groupedFile, "2026-07-01至2026-09-30");
        groupRows.Count.ShouldBe(2);
        Number(groupRows[0]["工单量"]).ShouldBe(5);
        Number(groupRows[1]["工单量"]).ShouldBe(5);
        groupRows[1].Values.ShouldContain("合计");
    }

    [Theory]
    [InlineData("/api/reporting/tickets/figures?format=csv", "format")]
    [InlineData("/api/reporting/study/summary?format=xlsx&format=json", "format")]
    [InlineData("/api/reporting/reports/quarterly?format=docx", "format")]
    [InlineData("/api/reporting/reports/quarterly?year=2026&quarter=5", "quarter")]
    [InlineData("/api/reporting/reports/quarterly?year=1999", "year")]
    public async Task A_format_or_period_it_cannot_give_is_a_400_naming_the_field(string path, string field)
    {
        using var response = await world.Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_the_chinese_font_the_pdf_is_a_503_saying_so_and_the_spreadsheet_still_comes()
    {
        await using var service = await ServiceFactory<ReportingDbContext>.CreateAsync(world.Servers, "reporting", "reportingdb",
            new Dictionary<string, string?> { [ChineseFont.FileSetting] = "/nonexistent/NotoSansCJK-Regular.ttc" }, world.Identity.Backchannel());
        using var client = await world.Identity.ClientForPersonAsync(service, "leader");

        using var pdf = await client.GetAsync(Quarter, Cancel);
        pdf.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await pdf.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!.ShouldContain("fonts-noto-cjk");

        using var sheet = await client.GetAsync(Quarter + "&format=xlsx", Cancel);
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static List<IDictionary<string, object?>> Sheet(Stream file, string name)
    {
        file.Position = 0;
        return [.. MiniExcel.Query(file, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
    }

    private static double Number(object? cell) => Math.Round(Convert.ToDouble(cell, CultureInfo.InvariantCulture), 4);

    /// <summary>
    /// Reporting with a fake study area and a fake tickets area, fed three units and five tickets of 2026 Q3 through the
    /// broker. July: one ticket on time and satisfied, one late and dissatisfied. August: one on time and satisfied.
    /// September: one urged and supervised, still assigned; one urged, then resolved on time.
    /// </summary>
    public sealed class World(TestServers servers) : IAsyncLifetime
    {
        private static readonly Guid FirstBranch = Guid.CreateVersion7(), SecondBranch = Guid.CreateVersion7(), TaskForce = Guid.CreateVersion7();
        private ServiceFactory<ReportingDbContext> service = null!;

        public TestServers Servers => servers;
        public IdentityHost Identity { get; private set; } = null!;
        public HttpClient Client { get; private set; } = null!;
        public string OpenEscalated { get; } = $"QY-2026-{Random.Shared.Next(100000, 999999)}";
        public string ResolvedEscalated { get; } = $"QY-2026-{Random.Shared.Next(100000, 999999)}";

        public async ValueTask InitializeAsync()
        {
            Identity = await IdentityHost.SharedAsync(servers);
            service = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", identityBackchannel: Identity.Backchannel(),
                configureServices: services =>
                {
                    // The report is tested against measures the test states; the real areas are tested on their own.
                    services.RemoveAll<IScorecardMeasures>();
                    services.AddScoped<IScorecardMeasures>(_ => new FakeMeasures([ScorecardMeasureCodes.StudyCoverage],
                        [new(ScorecardMeasureCodes.StudyCoverage, FirstBranch, 7, 9), new(ScorecardMeasureCodes.StudyCoverage, SecondBranch, 4, 4)]));
                    services.AddScoped<IScorecardMeasures>(_ => new FakeMeasures([ScorecardMeasureCodes.TicketsOnTime],
                        [new(ScorecardMeasureCodes.TicketsOnTime, TaskForce, 1, 2)]));
                });
            await service.WaitUntilHealthyAsync(Cancel);
            Client = await Identity.ClientForPersonAsync(service, "leader");
            var bus = service.Services.GetRequiredService<IBus>();

            foreach (var (unit, kind, name) in new[] { (FirstBranch, "branch", "第一党支部"), (SecondBranch, "branch", "第二党支部"), (TaskForce, "taskForce", "招商引资专班") })
            {
                await bus.Publish(new OrganisationUnitCreated
                {
                    UnitId = unit, Kind = kind, Name = name, ValidFrom = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
                    AggregateId = unit, AggregateVersion = 1,
                }, Cancel);
            }
            TicketEvent[][] tickets =
            [
                Ticket(Day(7, 10), "QY-2026-A", (0, "accepted", null), (1, "resolved", null), (2, "confirmed", "satisfied")),
                Ticket(Day(7, 20), "QY-2026-B", (9, "accepted", null), (12 * 24, "resolved", null), (13 * 24, "confirmed", "dissatisfied")),
                Ticket(Day(8, 5), "QY-2026-C", (1, "accepted", null), (48, "resolved", null), (72, "confirmed", "satisfied")),
                Ticket(Day(9, 3), OpenEscalated, (1, "accepted", null), (2, "assigned", null), (30, LadderSteps.Urge, null), (60, LadderSteps.Supervise, null)),
                Ticket(Day(9, 8), ResolvedEscalated, (1, "accepted", null), (2, "assigned", null), (30, LadderSteps.Urge, null), (50, "resolved", null)),
            ];
            foreach (var e in tickets.SelectMany(t => t))
            {
                await bus.Publish(e, e.GetType(), Cancel);
            }
            var expected = tickets.Sum(t => t.Length);
            await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Set<ProjectionPosition>()
                    .Where(p => p.Projection == "ticket-records").SumAsync(p => p.Version, Cancel)),
                applied => applied == expected, TimeSpan.FromSeconds(30), "every ticket event to be applied", Cancel);
            await Eventually.ReturnsAsync(() => service.QueryAsync(db => db.Units.CountAsync(Cancel)), n => n == 3, TimeSpan.FromSeconds(30),
                "the three units to be copied", Cancel);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await service.DisposeAsync();
        }

        /// <summary>09:00 China time on a day of 2026, as UTC (how the tickets service stamps its events).</summary>
        private static DateTimeOffset Day(int month, int day) => new(2026, month, day, 1, 0, 0, TimeSpan.Zero);

        /// <summary>
        /// One ticket's events, numbered: submitted, then each step at its hour after submission (accepted by 8 hours is
        /// on time, resolved by 10 days is); an escalation step keeps the state before it.
        /// </summary>
        private static TicketEvent[] Ticket(DateTimeOffset submitted, string number, params (int Hours, string Step, string? Satisfaction)[] steps)
        {
            var id = Guid.CreateVersion7();
            var state = "submitted";
            var events = new List<(TicketEvent Event, string State)> { (new TicketSubmitted { OccurredAt = submitted, RequesterName = "三明市某某机械有限公司", Channel = "portal" }, state) };
            foreach (var (hours, step, satisfaction) in steps)
            {
                var at = submitted.AddHours(hours);
                TicketEvent e = step switch
                {
                    "accepted" => new TicketAccepted { OccurredAt = at, AcceptedAt = at },
                    "assigned" => new TicketAssigned { OccurredAt = at },
                    "resolved" => new TicketResolved { OccurredAt = at, ResolvedAt = at, HandlingWorkingHours = hours },
                    "confirmed" => new TicketConfirmed { OccurredAt = at, Satisfaction = satisfaction! },
                    _ => new TicketEscalated { OccurredAt = at, Step = step },
                };
                state = e is TicketEscalated ? state : step;
                events.Add((e, state));
            }
            return [.. events.Select((e, i) => e.Event with
            {
                AggregateId = id, AggregateVersion = i + 1, TicketId = id, Number = number, Category = "land", Priority = "normal",
                RequesterKind = "enterprise", State = e.State, SubmittedAt = submitted, LeadUnitId = i >= 2 ? TaskForce : null,
                AcceptanceDue = submitted.AddHours(8), OriginalResolutionDue = submitted.AddDays(10), ResolutionDue = submitted.AddDays(10),
            })];
        }
    }

    private sealed class FakeMeasures(IReadOnlyList<string> measures, IReadOnlyList<UnitMeasure> values) : IScorecardMeasures
    {
        public IReadOnlyList<string> Measures => measures;

        public Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken) =>
            Task.FromResult(period == Periods.Quarter(2026, 3) ? values : []);
    }
}
