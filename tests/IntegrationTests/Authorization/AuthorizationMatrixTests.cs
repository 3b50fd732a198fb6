using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.IntegrationTests.Discipline;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.IntegrationTests.Community;
using BrandPlatform.IntegrationTests.Liaison;
using BrandPlatform.IntegrationTests.Study;
using BrandPlatform.IntegrationTests.Supervision;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Authorization;

/// <summary>
/// Walks <see cref="AccessMatrix"/>: every endpoint every service maps has a row (a new endpoint without one fails
/// here), and every caller kind gets the answer its row says, against records that belong to someone else.
/// </summary>
[Collection(WholePlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(WholePlatformFixture platform)
{
    private static readonly HashSet<HttpStatusCode> AdmittedButRefusedByTheRecord =
        [HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed, HttpStatusCode.UnprocessableEntity];

    private readonly Dictionary<(string, string), HttpClient> clients = [];
    private readonly Dictionary<string, IReadOnlySet<string>> audiences = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_endpoint_of_every_service_has_a_row()
    {
        var mapped = platform.Services.SelectMany(service => service.Value.Endpoints.SelectMany(endpoint =>
                Methods(endpoint).Select(method => $"{service.Key} {method} {endpoint.RoutePattern.RawText}")))
            .ToHashSet();
        var rows = AccessMatrix.Rows.Select(r => r.Key).ToList();

        rows.ShouldBeUnique();
        mapped.Except(rows).Order().ShouldBeEmpty("endpoints without a row in AccessMatrix: decide who may call them");
        rows.Except(mapped).Order().ShouldBeEmpty("rows of endpoints no service maps any more");
    }

    [Fact]
    public async Task Each_caller_gets_the_answer_its_row_says()
    {
        var records = await SetUpRecordsAsync();
        var failures = new List<string>();
        foreach (var row in AccessMatrix.Rows)
        {
            foreach (var caller in CallerKind.All)
            {
                var client = await ClientAsync(row.Service, caller);
                using var response = await client.SendAsync(Request(row, records), Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var meantForService = (await AudiencesAsync(caller)).Contains(row.Service);
                if (Verdict(row, records, caller, meantForService, response.StatusCode, body) is { } failure)
                {
                    failures.Add($"{row.Key} as {caller}: {failure} ({Shorten(body)})");
                }
            }
        }
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Operations_endpoints_admit_operators_with_the_operations_scope_and_the_operations_key()
    {
        var operatorToken = await OperationsTokenAsync("operator");
        var adminToken = await OperationsTokenAsync("admin");
        var memberToken = await OperationsTokenAsync("member");
        foreach (var (name, service) in platform.Services)
        {
            foreach (var (method, operation) in new[] { (HttpMethod.Post, "/ops/error-queues/replay"), (HttpMethod.Get, "/ops/projections/held"), (HttpMethod.Get, "/ops/projections") })
            {
                var path = PathOf(name, operation);
                foreach (var (token, expected) in new[] { (operatorToken, HttpStatusCode.OK), (adminToken, HttpStatusCode.OK), (memberToken, HttpStatusCode.Forbidden) })
                {
                    using var client = IdentityHost.WithBearer(service.CreateClient(), token);
                    (await client.SendAsync(new HttpRequestMessage(method, path), Cancel)).StatusCode.ShouldBe(expected, $"{name} {operation}");
                }
                using var dashboard = service.CreateClient();
                dashboard.DefaultRequestHeaders.Add(OperationsAccess.KeyHeader, ServiceFactory<BrandPlatform.Tickets.Infrastructure.TicketsDbContext>.OperationsKey);
                (await dashboard.SendAsync(new HttpRequestMessage(method, path), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{name} {operation}");
            }
        }
    }

    private async Task<string> OperationsTokenAsync(string userName) =>
        (await platform.Identity.SignInAsync(userName, IdentityHost.DevelopmentPassword, "openid roles operations"))
        .GetProperty("access_token").GetString()!;

    /// <summary>Null when the answer is the row's; otherwise what was expected.</summary>
    private static string? Verdict(AccessRow row, MatrixRecords records, CallerKind caller, bool meantForService, HttpStatusCode status, string body)
    {
        if ((int)status >= 500)
        {
            return $"{(int)status}, never 5xx";
        }
        if (row.Open)
        {
            return status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? $"{(int)status}, but the endpoint is anonymous by design" : null;
        }
        if (caller == CallerKind.Anonymous)
        {
            return status == HttpStatusCode.Unauthorized ? null : $"{(int)status}, expected 401";
        }
        var admitted = row.Admitted.Contains(caller.Name);
        var hidden = row.Hidden.Contains(caller.Name);
        if (row.ListedRecord is { } listed && (admitted || hidden))
        {
            if (status != HttpStatusCode.OK)
            {
                return $"{(int)status}, expected 200";
            }
            var shown = body.Contains(listed(records).ToString()!, StringComparison.OrdinalIgnoreCase);
            return shown == admitted ? null : admitted ? "the record is missing from the list" : "the list shows a record out of the caller's scope";
        }
        if (admitted)
        {
            return (int)status is >= 200 and < 300 || AdmittedButRefusedByTheRecord.Contains(status) || status == row.AdmittedAnswer
                ? null : $"{(int)status}, expected to be admitted";
        }
        if (hidden)
        {
            return status == HttpStatusCode.NotFound ? null : $"{(int)status}, expected 404 (someone else's record)";
        }
        var refused = meantForService ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
        return status == refused ? null : $"{(int)status}, expected {(int)refused}";
    }

    /// <summary>The services the caller's token is meant for (its audiences); none for anonymous.</summary>
    private async Task<IReadOnlySet<string>> AudiencesAsync(CallerKind caller)
    {
        if (audiences.TryGetValue(caller.Name, out var known))
        {
            return known;
        }
        HashSet<string> found = [];
        if (await caller.TokenAsync(platform.Identity) is { } token)
        {
            var audience = IdentityHost.JwtPayload(token).GetProperty("aud");
            found = audience.ValueKind == JsonValueKind.Array ? [.. audience.EnumerateArray().Select(a => a.GetString()!)] : [audience.GetString()!];
        }
        return audiences[caller.Name] = found;
    }

    private static HttpRequestMessage Request(AccessRow row, MatrixRecords records)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), PathOf(row.Service, row.Path(records)));
        if (row.Body?.Invoke(records) is { } body)
        {
            request.Content = JsonContent.Create(body);
        }
        else if (row.Open && row.Method == HttpMethods.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        return request;
    }

    /// <summary>The identity service lives under /identity (its issuer's path), the others at the root.</summary>
    private static string PathOf(string service, string path) => service == "identity" ? "/identity" + path : path;

    private async Task<HttpClient> ClientAsync(string service, CallerKind caller)
    {
        if (!clients.TryGetValue((service, caller.Name), out var client))
        {
            clients[(service, caller.Name)] = client = await platform.ClientAsync(service, caller);
        }
        return client;
    }

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : [HttpMethods.Get];

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";

    private async Task<MatrixRecords> SetUpRecordsAsync()
    {
        var other = await ClientAsync("tickets", CallerKind.System(other: true));
        var office = await ClientAsync("tickets", CallerKind.Person(AccessMatrix.Office));
        var marker = "MX" + Guid.NewGuid().ToString("N")[..8];
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        var ticket = await CreatedAsync(await other.PostAsJsonAsync("/api/tickets", new
        {
            title = "授权矩阵 " + marker, category = "financing", description = "另一政务系统为样板制造提交的诉求。",
            enterpriseName = "样板制造股份有限公司", unifiedSocialCreditCode = MatrixRecords.Enterprise2Code, externalReference = marker,
        }, Cancel));
        var ticketId = ticket.GetProperty("id").GetGuid();
        var lead = platform.Units[TicketUnits.RelocationTaskForce];
        await TicketSteps.StepAsync(office, ticketId, "accept", new { });
        await TicketSteps.StepAsync(office, ticketId, "assign", new { leadUnitId = lead });
        var requester = (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticketId}", Cancel)).GetProperty("requesterId").GetGuid();

        var order = Guid.NewGuid();
        await platform.Services["tickets"].QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"insert into supervision_orders (id, ticket_id, leader_id, issued_at) values ({order}, {ticketId}, {Guid.NewGuid()}, {DateTimeOffset.UtcNow})", Cancel));

        var chamberName = "矩阵商会" + marker;
        var chamber = await TicketChambers.AddAsync(platform.Tickets, chamberName);
        using var linked = await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links", new
        {
            leaderId = Guid.NewGuid(), leaderName = "另一位联系领导", from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)),
        }, Cancel);
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync(Cancel));
        var link = (await linked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("leaderLinks")[0].GetProperty("id").GetGuid();

        var webhook = (await CreatedAsync(await other.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "https://hooks.example.com/other" }, Cancel)))
            .GetProperty("id").GetGuid();

        var admin = await ClientAsync("identity", CallerKind.Person(AccessMatrix.Admin));
        var committee = await DirectoryTests.CommitteeIdAsync(admin);
        await platform.Services["study"].QueryAsync(async db =>
        {
            var known = await db.Set<DirectoryUnit>().Select(u => u.Id).ToListAsync(Cancel);
            db.AddRange(new[] { "第一党支部", "第二党支部" }.Select(name => platform.Units[name]).Where(id => !known.Contains(id))
                .Select(id => new DirectoryUnit(id, UnitKinds.Branch, platform.Units.Single(u => u.Value == id).Key, committee)));
            if (!known.Contains(platform.Units["青年理论学习小组"]))
            {
                db.Add(new DirectoryUnit(platform.Units["青年理论学习小组"], UnitKinds.YouthStudyGroup, "青年理论学习小组", committee));
            }
            if (!known.Contains(committee))
            {
                db.Add(new DirectoryUnit(committee, UnitKinds.OrganCommittee, "市委统战部机关党委", null));
            }
            return await db.SaveChangesAsync(Cancel);
        });
        var (lifeMeeting, rectification) = await platform.Services["study"].QueryAsync(async db =>
        {
            var branch = await db.Set<DirectoryUnit>().SingleAsync(u => u.Id == platform.Units["第二党支部"], Cancel);
            var (meeting, item) = StudyRecords.HeldLifeMeetingWithItem(branch, DateTimeOffset.UtcNow);
            db.AddRange(meeting, item);
            await db.SaveChangesAsync(Cancel);
            return (meeting.Id, item.Id);
        });

        var (activity, code) = await OtherBranchActivityAsync();
        var studyOffice = await ClientAsync("study", CallerKind.Person(AccessMatrix.Office));
        var material = (await CreatedAsync(await studyOffice.PostAsJsonAsync("/api/study/materials", new
        {
            title = "矩阵资料 " + marker, kind = "speech", source = "新华社", publishedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)),
        }, Cancel))).GetProperty("id").GetGuid();
        using var designated = await studyOffice.PostAsync($"/api/study/materials/{material}/designate", null, Cancel);
        designated.StatusCode.ShouldBe(HttpStatusCode.OK, await designated.Content.ReadAsStringAsync(Cancel));
        var series = (await CreatedAsync(await studyOffice.PostAsJsonAsync("/api/study/training-series",
            new { title = "矩阵培训系列", organiserUnitId = committee }, Cancel))).GetProperty("id").GetGuid();
        var officer = await ClientAsync("study", CallerKind.Person(AccessMatrix.Officer));
        var feed = await CreatedAsync(await officer.PostAsJsonAsync("/api/study/calendar-feeds", new { }, Cancel));
        var officerId = Guid.Parse(IdentityHost.JwtPayload((await CallerKind.Person(AccessMatrix.Officer).TokenAsync(platform.Identity))!).GetProperty("sub").GetString()!);
        var discipline = await CoverageMatrixRecords.SetUpAsync(platform, committee, officerId, Cancel);

        var (quizCampaign, memberAttempt, quizMember) = await QuizRecordsAsync();
        var (disciplineCampaign, disciplineCase, session, sessionCode) = await OtherBranchSessionAsync(committee);
        var (question, reminder) = await DisciplineRecordsAsync();
        var (supervisionDocument, documentError, errorDepartment) = await DocumentRecordsAsync();
        var supervisionTask = await SupervisionMatrixRecords.SetUpAsync(platform, committee, officerId, Cancel);

        return new MatrixRecords
        {
            OtherBranchActivity = activity,
            CheckInCode = code,
            Ticket = ticketId,
            TicketNumber = ticket.GetProperty("number").GetString()!,
            TicketMarker = marker,
            ExternalReference = marker,
            Since = since,
            LeadUnit = lead,
            Requester = requester,
            OrderOfAnotherLeader = order,
            Chamber = chamber,
            LeaderLink = link,
            Webhook = webhook,
            OtherBranch = platform.Units["第二党支部"],
            YouthGroup = platform.Units["青年理论学习小组"],
            Committee = committee,
            LifeMeeting = lifeMeeting,
            Rectification = rectification,
            StudyMonth = ChinaCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            OfficerFeed = feed.GetProperty("id").GetGuid(),
            OfficerFeedUrl = feed.GetProperty("url").GetString()!,
            DirectoryUnit = await DirectoryTests.CreateUnitAsync(admin, "矩阵科" + marker, "department", committee),
            DirectoryPerson = await DirectoryTests.RegisterAsync(admin, "matrix" + marker[2..].ToLowerInvariant(), branch: null),
            Material = material,
            TrainingSeries = series,
            QuizCampaign = quizCampaign,
            MemberQuizAttempt = memberAttempt,
            QuizMember = quizMember,
            Pledges = discipline,
            DisciplineCampaign = disciplineCampaign,
            DisciplineCase = disciplineCase,
            OtherBranchSession = session,
            SessionCheckInCode = sessionCode,
            DisciplineQuestion = question,
            OfficerReminder = reminder,
            Brands = await BrandMatrixRecords.SetUpAsync(platform, Cancel),
            SupervisionDocument = supervisionDocument,
            DocumentError = documentError,
            DocumentErrorDepartment = errorDepartment,
            SupervisionTask = supervisionTask,
            SupervisionTaskOwner = officerId,
            Liaison = await LiaisonMatrixRecords.SetUpAsync(platform, await ClientAsync("liaison", CallerKind.Person(AccessMatrix.Office)),
                await ClientAsync("liaison", CallerKind.Person(AccessMatrix.Officer)), officerId, marker, Cancel),
            Community = await CommunityMatrixRecords.SetUpAsync(platform, await ClientAsync("community", CallerKind.Person(AccessMatrix.Office)),
                await ClientAsync("community", CallerKind.Person(AccessMatrix.Officer)), officerId, marker, Cancel),
        };
    }

    /// <summary>A received document nobody handles yet, and an error charged to a department of its own (no caller is in it).</summary>
    private async Task<(Guid Document, Guid Error, Guid Department)> DocumentRecordsAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var department = Guid.CreateVersion7();
        return await platform.Services["reporting"].QueryAsync(async db =>
        {
            var document = ReceivedDocument.Register("矩阵〔2026〕0号", "市委办公室", "矩阵收文", "上级来文", DocumentPriority.Ordinary, now, now.AddHours(1),
                "matrix", now);
            var error = DocumentErrorReport.Record("矩阵〔2026〕0号", "矩阵发文", "typo", null, "核稿人", ErrorStage.PreIssue, department, Guid.NewGuid(),
                "矩阵起草人", ChinaCalendar.DateOf(now), "matrix", now);
            db.AddRange(document, error);
            await db.SaveChangesAsync(Cancel);
            return (document.Id, error.Id, department);
        });
    }

    /// <summary>第二党支部's party lesson, planned by the office, with the officer on the branch's roster in study.</summary>
    private async Task<(Guid Activity, string Code)> OtherBranchActivityAsync()
    {
        var otherBranch = platform.Units["第二党支部"];
        var officer = Guid.Parse(IdentityHost.JwtPayload((await CallerKind.Person(AccessMatrix.Officer).TokenAsync(platform.Identity))!)
            .GetProperty("sub").GetString()!);
        var study = platform.Services["study"];
        await study.QueryAsync(async db =>
        {
            if (!await db.Set<UnitMember>().Current().AnyAsync(m => m.PersonId == officer && m.UnitId == otherBranch, Cancel))
            {
                db.Add(UnitMember.FromJoin(officer, otherBranch, UnitKinds.Branch, "第二党支部党务干事", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30)));
            }
            return await db.SaveChangesAsync(Cancel);
        });
        var office = await ClientAsync("study", CallerKind.Person(AccessMatrix.Office));
        var activity = (await CreatedAsync(await office.PostAsJsonAsync("/api/study/activities",
            AccessMatrix.ActivityPlan(new { kind = "partyLesson", organiserUnitId = otherBranch }), Cancel))).GetProperty("id").GetGuid();
        var code = (await office.GetFromJsonAsync<JsonElement>($"/api/study/activities/{activity}/check-in-code", Cancel)).GetProperty("code").GetString()!;
        return (activity, code);
    }

    /// <summary>
    /// A campaign of a quarter of its own (next year's last, so no campaign launched for this quarter collides), the
    /// person accounts on their branches' rosters in discipline, and the demo member's attempt in progress.
    /// </summary>
    private async Task<(Guid Campaign, Guid MemberAttempt, Guid Member)> QuizRecordsAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var people = new Dictionary<string, Guid>();
        foreach (var (person, _) in QuizBranches)
        {
            people[person] = Guid.Parse(IdentityHost.JwtPayload((await CallerKind.Person(person).TokenAsync(platform.Identity))!).GetProperty("sub").GetString()!);
        }
        return await platform.Services["discipline"].QueryAsync(async db =>
        {
            var discipline = (BrandPlatform.Discipline.Infrastructure.DisciplineDbContext)db;
            var onRosters = await discipline.UnitMembers.Current().Where(m => m.UnitKind == UnitKinds.Branch).Select(m => m.PersonId).ToListAsync(Cancel);
            discipline.UnitMembers.AddRange(QuizBranches.Where(p => !onRosters.Contains(people[p.Person])).Select(p =>
                UnitMember.FromJoin(people[p.Person], platform.Units[p.Branch], UnitKinds.Branch, p.Person, ChinaCalendar.DateOf(now).AddYears(-1))));
            var campaign = QuizWorld.Launch(discipline, now, ChinaCalendar.DateOf(now).Year + 1, 4);
            var attempt = QuizAttempt.Start(campaign, people[AccessMatrix.Member], 1, now);
            discipline.Attempts.Add(attempt);
            await discipline.SaveChangesAsync(Cancel);
            return (campaign.Id, attempt.Id, people[AccessMatrix.Member]);
        });
    }

    private static readonly (string Person, string Branch)[] QuizBranches =
    [
        (AccessMatrix.Office, "第一党支部"), (AccessMatrix.Secretary, "第一党支部"), (AccessMatrix.Member, "第一党支部"),
        (AccessMatrix.Officer, "第二党支部"), (AccessMatrix.Handler, "第三党支部"),
    ];

    /// <summary>
    /// This quarter's campaign, launched by the office on a case and a question written into discipline, and 第二党支部's
    /// session of it scheduled by the office, with the officer on the branch's roster in discipline.
    /// </summary>
    private async Task<(Guid Campaign, Guid Case, Guid Session, string Code)> OtherBranchSessionAsync(Guid committee)
    {
        var otherBranch = platform.Units["第二党支部"];
        var officer = Guid.Parse(IdentityHost.JwtPayload((await CallerKind.Person(AccessMatrix.Officer).TokenAsync(platform.Identity))!)
            .GetProperty("sub").GetString()!);
        var now = DateTimeOffset.UtcNow;
        var warningCase = await platform.Services["discipline"].QueryAsync(async db =>
        {
            if (!await db.Set<DirectoryUnit>().AnyAsync(u => u.Id == otherBranch, Cancel))
            {
                db.Add(new DirectoryUnit(otherBranch, UnitKinds.Branch, "第二党支部", committee));
            }
            if (!await db.Set<UnitMember>().Current().AnyAsync(m => m.PersonId == officer && m.UnitId == otherBranch, Cancel))
            {
                db.Add(UnitMember.FromJoin(officer, otherBranch, UnitKinds.Branch, "第二党支部党务干事", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30)));
            }
            var warning = WarningCase.Record("矩阵警示案例", "经查，某干部违规接受宴请。", [ViolationType.ImproperBanquets], "市纪委监委",
                ChinaCalendar.DateOf(now).AddDays(-1), "office", now);
            db.Add(warning);
            db.Add(QuizQuestion.Create(QuestionKind.TrueFalse, "党员可以接受管理服务对象宴请。", ["正确", "错误"], [1], null, [], "office", now));
            await db.SaveChangesAsync(Cancel);
            return warning.Id;
        });
        var office = await ClientAsync("discipline", CallerKind.Person(AccessMatrix.Office));
        var today = ChinaCalendar.DateOf(now);
        var campaign = (await CreatedAsync(await office.PostAsJsonAsync("/api/discipline/campaigns", new
        {
            year = today.Year, quarter = (today.Month - 1) / 3 + 1, theme = "矩阵警示教育", caseIds = new[] { warningCase }, requiredSessionsPerBranch = 1,
            quiz = new { questionCount = 1, timeLimitMinutes = 30, passMark = 60 },
        }, Cancel))).GetProperty("id").GetGuid();
        var session = (await CreatedAsync(await office.PostAsJsonAsync($"/api/discipline/campaigns/{campaign}/sessions",
            AccessMatrix.DisciplineSession(otherBranch), Cancel))).GetProperty("id").GetGuid();
        var code = (await office.GetFromJsonAsync<JsonElement>($"/api/discipline/sessions/{session}/check-in-code", Cancel)).GetProperty("code").GetString()!;
        return (campaign, warningCase, session, code);
    }

    /// <summary>A question written as the office would, and a reminder (of a holiday long past, so no pass issues it) noticed to the officer only.</summary>
    private async Task<(Guid Question, Guid Reminder)> DisciplineRecordsAsync()
    {
        var officer = Guid.Parse(IdentityHost.JwtPayload((await CallerKind.Person(AccessMatrix.Officer).TokenAsync(platform.Identity))!)
            .GetProperty("sub").GetString()!);
        var now = DateTimeOffset.UtcNow;
        return await platform.Services["discipline"].QueryAsync(async db =>
        {
            var question = QuizQuestion.Create(QuestionKind.SingleChoice, "矩阵试题", ["甲", "乙"], [0], null, [], "office", now);
            var reminder = IntegrityReminder.Issue("矩阵节日", new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 3), "节前廉政提醒。", 1, now);
            db.AddRange(question, reminder, new ReminderNotice(reminder.Id, officer));
            await db.SaveChangesAsync(Cancel);
            return (question.Id, reminder.Id);
        });
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
            return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        }
    }
}
