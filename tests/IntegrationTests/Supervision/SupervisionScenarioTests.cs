using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Gateway;
using BrandPlatform.IntegrationTests.Study;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using MiniExcelLibs;
using Shouldly;
using UglyToad.PdfPig;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// Issue 15's "done when", as the people do it through the gateway: the office registers 第一党支部's brand with two
/// measures, each becomes a task planned backwards over the 2026 Spring Festival, the owner misses feedback (amber,
/// then red on reporting's clock), feedback turns it green, the office closes it on evidence; the secretary holds a
/// party lesson under the brand in the study service and the brand's page lists it with the tasks. A document received
/// at 16:50 and not handled is on the day's close list; the month's 错情通报 opens as XLSX and PDF.
/// </summary>
public sealed class SupervisionScenarioTests(SupervisionScenarioTests.Platform platform) : IClassFixture<SupervisionScenarioTests.Platform>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>China time (UTC+8), as the clock gives it: in UTC.</summary>
    private static DateTimeOffset China(int month, int day, int hour = 10, int minute = 0) =>
        new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Fact]
    public async Task A_brand_s_measures_become_tasks_planned_backwards_supervised_to_closure_and_listed_on_the_brand_s_page()
    {
        platform.Clock.Now = China(1, 20);
        using var office = await platform.ClientAsync("office");
        using var member = await platform.ClientAsync("member");
        var branch = platform.Units["第一党支部"];
        var department = platform.Units["办公室"];

        var (registered, brand) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/brands", new
        {
            branchId = branch, name = "同心聚力", field = "营商环境", meaning = "以党建引领服务企业", slogan = "服务零距离",
        });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, brand.ToString());
        var brandId = brand.GetProperty("id").GetGuid();
        var etag = registered.Headers.ETag!.Tag;
        var measures = new List<Guid>();
        foreach (var (title, deadline) in new[] { ("建立企业走访台账", "2026-03-06"), ("开展政策宣讲进企业", "2026-03-31") })
        {
            var (added, measure) = await ActivityWorld.SendAsync(office, HttpMethod.Post, $"/api/supervision/brands/{brandId}/measures", new
            {
                title, ownerUnitId = department, ownerPersonId = platform.People["member"], deadline, expectedResult = "走访全覆盖",
            }, etag);
            added.StatusCode.ShouldBe(HttpStatusCode.Created, measure.ToString());
            etag = added.Headers.ETag!.Tag;
            measures.Add(measure.GetProperty("id").GetGuid());
        }

        // 倒排进度 over the Spring Festival: working days only, the make-up Saturdays count.
        var calendar = new WorkingCalendar(CalendarRegistration.LoadYears(null));
        var tasks = new List<Guid>();
        foreach (var (measure, deadline) in measures.Zip(["2026-03-06", "2026-03-31"]))
        {
            var (proposed, proposal) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks/milestones/proposal", new { deadline, count = 4 });
            proposed.StatusCode.ShouldBe(HttpStatusCode.OK, proposal.ToString());
            var milestones = proposal.GetProperty("milestones").EnumerateArray()
                .Select(m => (Title: m.GetProperty("title").GetString()!, Due: DateOnly.Parse(m.GetProperty("due").GetString()!, CultureInfo.InvariantCulture))).ToList();
            milestones.Count.ShouldBe(4);
            milestones.ShouldAllBe(m => calendar.IsWorkingDay(m.Due));
            milestones.ShouldNotContain(m => m.Due >= new DateOnly(2026, 2, 15) && m.Due <= new DateOnly(2026, 2, 23));
            milestones[^1].Due.ShouldBe(DateOnly.Parse(deadline, CultureInfo.InvariantCulture));
            var (created, task) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks", new
            {
                source = "brandMeasure", measureId = measure, feedbackCadence = "weekly",
                milestones = milestones.Select(m => new { title = m.Title, due = m.Due }),
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, task.ToString());
            task.GetProperty("brandId").GetGuid().ShouldBe(brandId);
            tasks.Add(task.GetProperty("id").GetGuid());
        }
        var first = $"/api/supervision/tasks/{tasks[0]}";
        (await StatusAsync(member, first)).ShouldBe("green");

        // The owner's weekly feedback was due on 1-27: a day late is amber, a whole period late is red.
        platform.Clock.Now = China(1, 28);
        (await StatusAsync(member, first)).ShouldBe("amber");
        platform.Clock.Now = China(2, 4);
        var late = await member.GetFromJsonAsync<JsonElement>(first, Cancel);
        (late.GetProperty("status").GetString(), late.GetProperty("feedbackDue").GetString()).ShouldBe(("red", "2026-01-27"));
        // Feedback, with the milestone that fell due meanwhile reached, turns it back.
        var overdue = late.GetProperty("milestones").EnumerateArray()
            .Where(m => string.CompareOrdinal(m.GetProperty("due").GetString(), "2026-02-04") < 0).Select(m => m.GetProperty("id").GetGuid()).ToList();
        var (fed, afterFeedback) = await ActivityWorld.SendAsync(member, HttpMethod.Post, first + "/feedback", new
        {
            text = "已走访企业12家，建立台账初稿。", progress = "台账初稿完成", milestonesReached = overdue,
            attachments = new[] { new { name = "走访台账.xlsx", size = 20480, contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sha256 = new string('a', 64) } },
        });
        fed.StatusCode.ShouldBe(HttpStatusCode.OK, afterFeedback.ToString());
        afterFeedback.GetProperty("status").GetString().ShouldBe("green");

        // The owner reaches every milestone and asks for closure with evidence; the office accepts it.
        platform.Clock.Now = China(3, 5);
        var (reached, withMilestones) = await ActivityWorld.SendAsync(member, HttpMethod.Post, first + "/feedback", new
        {
            text = "四个节点均已完成。", progress = "完成",
            milestonesReached = afterFeedback.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()),
        });
        reached.StatusCode.ShouldBe(HttpStatusCode.OK, withMilestones.ToString());
        var (asked, closing) = await ActivityWorld.SendAsync(member, HttpMethod.Post, first + "/closure", new { evidence = "企业走访台账已建立，覆盖全部挂钩企业。" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, closing.ToString());
        var (accepted, closed) = await ActivityWorld.SendAsync(office, HttpMethod.Post, first + "/closure/accept", new { note = "同意销号" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, closed.ToString());
        closed.GetProperty("state").GetString().ShouldBe("closed");
        closed.GetProperty("closure").GetProperty("onTime").GetBoolean().ShouldBeTrue();

        // The secretary holds a party lesson under the brand in the study service; the brand's page lists it and the tasks.
        var lesson = await platform.HoldLessonUnderAsync(brandId, measures[0]);
        var page = await Eventually.ReturnsAsync(
            () => office.GetFromJsonAsync<JsonElement>($"/api/supervision/brands/{brandId}", Cancel),
            body => body.GetProperty("work").EnumerateArray().Any(w => w.GetProperty("kind").GetString() == "studyActivity"),
            TimeSpan.FromSeconds(30), "the held lesson on the brand's page", Cancel);
        var work = page.GetProperty("work").EnumerateArray()
            .Select(w => (Kind: w.GetProperty("kind").GetString(), Id: w.GetProperty("id").GetGuid())).ToList();
        work.ShouldContain(("studyActivity", lesson));
        work.ShouldContain(("supervisionTask", tasks[0]));
        work.ShouldContain(("supervisionTask", tasks[1]));
    }

    [Fact]
    public async Task A_document_received_at_16_50_and_not_handled_is_on_the_day_s_close_list_and_the_month_s_error_notice_opens()
    {
        platform.Clock.Now = China(11, 17, 16, 50);
        using var office = await platform.ClientAsync("office");
        var (received, document) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/documents", new
        {
            number = "统办发〔2026〕88号", issuer = "市委办公室", title = "关于做好年终岁末有关工作的通知", @class = "上级来文", priority = "ordinary",
        });
        received.StatusCode.ShouldBe(HttpStatusCode.Created, document.ToString());
        platform.Clock.Now = China(11, 17, 18, 30);
        var open = await office.GetFromJsonAsync<JsonElement>("/api/supervision/documents/open-at-close?day=2026-11-17", Cancel);
        open.ToString().ShouldContain(document.GetProperty("id").GetGuid().ToString());

        var department = platform.Units["办公室"];
        foreach (var (type, number, day) in new[] { ("typo", "统发〔2026〕21号", "2026-11-05"), ("punctuation", "统发〔2026〕22号", "2026-11-12") })
        {
            var (recorded, error) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/document-errors", new
            {
                documentNumber = number, documentTitle = "关于开展机关作风建设专项检查的通知", errorType = type, description = "核稿发现",
                foundBy = "办公室核稿人", stage = "preIssue", departmentId = department, drafterId = platform.People["member"], foundOn = day,
            });
            recorded.StatusCode.ShouldBe(HttpStatusCode.Created, error.ToString());
        }
        var notice = $"/api/supervision/document-errors/notice?year=2026&month=11&departmentId={department}";
        var pdf = await office.GetByteArrayAsync(notice + "&format=pdf", Cancel);
        using (var read = PdfDocument.Open(pdf))
        {
            var text = string.Concat(read.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            text.ShouldContain("统发〔2026〕21号");
            text.ShouldContain("统发〔2026〕22号");
        }
        using var xlsx = new MemoryStream(await office.GetByteArrayAsync(notice + "&format=xlsx", Cancel));
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: MiniExcel.GetSheetNames(xlsx)[0]).Cast<IDictionary<string, object?>>().ToList();
        rows.SelectMany(r => r.Values).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))
            .Where(v => v is not null && v.StartsWith("统发", StringComparison.Ordinal)).ShouldBe(["统发〔2026〕21号", "统发〔2026〕22号"]);
    }

    private static async Task<string?> StatusAsync(HttpClient client, string task) =>
        (await client.GetFromJsonAsync<JsonElement>(task, Cancel)).GetProperty("status").GetString();

    /// <summary>
    /// Study and reporting on one virtual host, so study's events reach reporting; both on loopback behind the gateway.
    /// Reporting runs on a clock the tests move; study on the real one (the lesson was held an hour ago).
    /// </summary>
    public sealed class Platform(TestServers servers) : IAsyncLifetime
    {
        private GatewayInFront? gateway;

        public IdentityHost Identity { get; private set; } = null!;
        public ServiceFactory<ReportingDbContext> Reporting { get; private set; } = null!;
        public ServiceFactory<StudyDbContext> Study { get; private set; } = null!;
        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
        public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;
        public Dictionary<string, Guid> People { get; } = [];

        public async ValueTask InitializeAsync()
        {
            Identity = await IdentityHost.SharedAsync(servers);
            var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("supervision")).ToString() };
            Reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, Identity.Backchannel(),
                configureServices: services => services.UseMovedClock(Clock), onLoopback: true);
            Study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", shared, Identity.Backchannel(), onLoopback: true);
            await Reporting.WaitUntilHealthyAsync(Cancel);
            await Study.WaitUntilHealthyAsync(Cancel);
            gateway = GatewayInFront.Start(Identity, new Dictionary<string, Uri> { ["reporting"] = Reporting.Address, ["study"] = Study.Address });
            foreach (var person in new[] { "member", "secretary" })
            {
                People[person] = Guid.Parse(IdentityHost.JwtPayload(await Identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
            }
            Units = await TicketUnits.CopyDirectoryAsync(Identity, Reporting);
            await TicketUnits.CopyDirectoryAsync(Identity, Study);
            var joined = new DateOnly(2025, 1, 1);
            await Reporting.QueryAsync(db =>
            {
                db.UnitMembers.Add(UnitMember.FromJoin(People["member"], Units["办公室"], UnitKinds.Department, "办公室干部", joined));
                return db.SaveChangesAsync(Cancel);
            });
            await Study.QueryAsync(db =>
            {
                db.UnitMembers.AddRange(new[] { ("secretary", "第一党支部书记"), ("member", "第一党支部党员") }
                    .Select(p => UnitMember.FromJoin(People[p.Item1], Units["第一党支部"], UnitKinds.Branch, p.Item2, joined)));
                return db.SaveChangesAsync(Cancel);
            });
        }

        /// <summary>A person's client of the gateway, with their token from the shared identity service.</summary>
        public async Task<HttpClient> ClientAsync(string person) => gateway!.Client(await Identity.PersonTokenAsync(person));

        /// <summary>The secretary plans a party lesson under the brand and records it as held, through the gateway.</summary>
        public async Task<Guid> HoldLessonUnderAsync(Guid brand, Guid measure)
        {
            using var secretary = await ClientAsync("secretary");
            var start = DateTimeOffset.UtcNow.AddMinutes(-70);
            var (planned, lesson) = await ActivityWorld.SendAsync(secretary, HttpMethod.Post, "/api/study/activities", new
            {
                kind = "partyLesson", organiserUnitId = Units["第一党支部"], topic = "“同心聚力”品牌建设专题党课", place = "党员活动室",
                materials = Array.Empty<object>(), plannedStart = start, plannedEnd = start.AddHours(1), audience = new { kind = "unit" },
                brandId = brand, brandMeasureId = measure,
            });
            planned.StatusCode.ShouldBe(HttpStatusCode.Created, lesson.ToString());
            var id = lesson.GetProperty("id").GetGuid();
            var (held, record) = await ActivityWorld.SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/hold", new
            {
                heldAt = start, durationMinutes = 60, minutes = "书记讲授品牌建设专题党课。",
                attendance = new[] { new { personId = People["secretary"], status = "present" }, new { personId = People["member"], status = "present" } },
            }, planned.Headers.ETag!.Tag);
            held.StatusCode.ShouldBe(HttpStatusCode.OK, record.ToString());
            return id;
        }

        public async ValueTask DisposeAsync()
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }
            await Study.DisposeAsync();
            await Reporting.DisposeAsync();
        }
    }
}
