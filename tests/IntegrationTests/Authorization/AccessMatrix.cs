using BrandPlatform.IntegrationTests.Community;
using BrandPlatform.IntegrationTests.Discipline;
using BrandPlatform.IntegrationTests.Liaison;
using BrandPlatform.IntegrationTests.Supervision;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.IntegrationTests.WholePlatform;

namespace BrandPlatform.IntegrationTests.Authorization;

/// <summary>
/// Who may call each endpoint of the platform (README, "Who may call what"). One row per endpoint: the route pattern
/// and method as the service maps them, the request the matrix sends (with a valid body, so the answer is about access,
/// not validation) against records that belong to someone else (<see cref="MatrixRecords"/>), the callers admitted and
/// the callers for whom the record does not exist. Every other caller is refused: 403 when its token is meant for the
/// service (its audience) but grants too little, 401 when it is not meant for the service at all; anonymous 401.
/// </summary>
public static class AccessMatrix
{
    public const string Admin = "admin", Operator = "operator", Office = "office", Secretary = "secretary", Officer = "officer",
        Member = "member", Handler = "handler", Leader = "leader", Enterprise = "enterprise", Enterprise2 = "enterprise2";

    public static readonly string System = CallerKind.System().Name;
    public static readonly string SystemReadOnly = CallerKind.System("tickets.read").Name;
    public static readonly string OtherSystem = CallerKind.System(other: true).Name;

    private static readonly string[] None = [];
    private static readonly string[] Dispatchers = [Admin, Office];
    private static readonly string[] People = [.. CallerKind.People.Select(p => p.Name)];

    /// <summary>The ticket of enterprise2 filed by the other system, led by a unit the handler is not in: who sees it.</summary>
    private static readonly string[] SeeTicket = [Admin, Office, Leader, Enterprise2, OtherSystem];
    private static readonly string[] TicketHiddenFrom = [Handler, Enterprise, System, SystemReadOnly];

    /// <summary>Readers of the tickets service's reference data (units, routing, chambers): every role that reads tickets, and systems.</summary>
    private static readonly string[] ReferenceReaders = [Admin, Office, Handler, Leader, Enterprise, Enterprise2, System, SystemReadOnly, OtherSystem];

    /// <summary>Everyone in the organ's community work: members (the handler is one of 第三党支部), keepers, the office.</summary>
    private static readonly string[] CommunityPeople = [Admin, Office, Secretary, Officer, Member, Handler];
    /// <summary>Who keeps 第二党支部's community work: the office and the branch's keepers (the officer).</summary>
    private static readonly string[] OtherBranchKeepers = [Admin, Office, Officer];

    /// <summary>Everyone who reads study records of some kind: members (the handler is one of 第三党支部), keepers, the office.</summary>
    private static readonly string[] StudyPeople = [Admin, Office, Secretary, Officer, Member, Handler];

    /// <summary>Everyone taking part in discipline education: the same people, each then seeing only their part.</summary>
    private static readonly string[] DisciplinePeople = StudyPeople;

    /// <summary>Everyone in supervision (people with a supervision role): they read brands and what is selected.</summary>
    private static readonly string[] SupervisionPeople = [Admin, Office, Secretary, Officer, Member, Handler, Leader];

    /// <summary>Who keeps 第二党支部's brand: the office and the branch's keepers (the officer).</summary>
    private static readonly string[] BrandKeepers = [Admin, Office, Officer];

    private static object BrandMeasure(Guid ownerUnit) => new
    {
        title = "矩阵举措", ownerUnitId = ownerUnit, ownerPersonId = (Guid?)null, deadline = "2026-12-31", expectedResult = "矩阵预期成效",
    };
    /// <summary>The department's cadres in liaison work: its members, the liaison leader, the office and administrators.</summary>
    private static readonly string[] LiaisonCadres = [Admin, Office, Secretary, Officer, Member, Handler, Leader];
    /// <summary>Who reads engagement events: the cadres and enterprise contacts.</summary>
    private static readonly string[] EventReaders = [.. LiaisonCadres, Enterprise, Enterprise2];

    /// <summary>Who reads every supervision record: the office, administrators and the leaders.</summary>
    private static readonly string[] SupervisionReaders = [Admin, Office, Leader];
    /// <summary>People who take part in supervision but for whom the matrix's records are someone else's.</summary>
    private static readonly string[] SupervisionOthers = [Secretary, Officer, Member, Handler];

    private static string[] StudyPeopleBut(string caller) => [.. StudyPeople.Where(p => p != caller)];

    /// <summary>Those on a discipline branch roster in the matrix (administrators are on none).</summary>
    private static readonly string[] QuizTakers = [Office, Secretary, Officer, Member, Handler];
    /// <summary>Everyone who takes part in discipline education but is not the member whose attempt the matrix reads.</summary>
    private static readonly string[] QuizOthers = [Admin, Office, Secretary, Officer, Handler];

    /// <summary>Today in China, as the matrix's bodies write a day.</summary>
    internal static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture);

    private static (int Year, int Quarter) ThisQuarter => (DateTime.UtcNow.AddHours(8).Year, (DateTime.UtcNow.AddHours(8).Month - 1) / 3 + 1);

    private static object[] PlanItems => [new { kind = "branchCommittee", month = ThisQuarter.Quarter * 3 - 2, topic = "研究部署本季度党建工作" }];
    /// <summary>Everyone who reads study records: the office, administrators, branch keepers and members.</summary>
    private static readonly string[] StudyReaders = [Admin, Office, Secretary, Officer, Member, Handler];
    /// <summary>The accounts that are party members (notes are a member's own).</summary>
    private static readonly string[] StudyMembers = [Office, Secretary, Officer, Member, Handler];

    private static readonly object MaterialBody = new
    {
        title = "矩阵学习资料", kind = "document", source = "市委办公室", publishedOn = "2026-11-20", tags = new[] { "第一主题" },
    };

    private static readonly object Attachment = new
    {
        attachments = new[] { new { fileName = "补充材料.pdf", contentType = "application/pdf", sizeBytes = 2048, sha256 = new string('a', 64) } },
    };

    private static readonly object CaseBody = new
    {
        title = "矩阵警示案例", summary = "违规接受宴请。", violationTypes = new[] { "improperBanquets" }, source = "市纪委监委通报", publishedOn = "2026-11-20",
    };

    private static readonly object QuestionBody = new
    {
        kind = "trueFalse", stem = "节日期间可以使用公务用车接送家属。", options = new[] { "正确", "错误" }, correctOptions = new[] { 1 },
    };

    public static IReadOnlyList<AccessRow> Rows { get; } =
    [
        // Anonymous by design: health, the OpenAPI documents, the sign-in pages and the token endpoint.
        .. ServiceNames.Apis.SelectMany(service => new[]
        {
            AccessRow.Anonymous(service, "GET", "/health"),
            AccessRow.Anonymous(service, "GET", "/alive"),
            AccessRow.Anonymous(service, "GET", "/openapi/{documentName}.json", _ => "/openapi/v1.json"),
            // Operations: nobody of the ordinary callers; operators with the operations scope and the key (see the test).
            AccessRow.Of(service, "POST", "/ops/error-queues/replay", None),
            AccessRow.Of(service, "GET", "/ops/projections/held", None),
            AccessRow.Of(service, "GET", "/ops/projections", None),
            AccessRow.Of(service, "POST", "/ops/projections/{name}/rebuild", None, path: _ => "/ops/projections/ticket-records/rebuild"),
        }),
        AccessRow.Anonymous("identity", "POST", "/connect/token"),
        AccessRow.Anonymous("identity", "GET", "/connect/authorize"),
        AccessRow.Anonymous("identity", "POST", "/connect/authorize"),
        AccessRow.Anonymous("identity", "GET", "/connect/endsession"),
        AccessRow.Anonymous("identity", "POST", "/connect/endsession"),
        AccessRow.Anonymous("identity", "GET", "/account/login"),
        AccessRow.Anonymous("identity", "POST", "/account/login"),
        AccessRow.Anonymous("identity", "POST", "/account/logout"),

        // The directory: the office reads it, administrators change it; everyone signed in reads themselves.
        AccessRow.Of("identity", "GET", "/api/directory/me", People),
        AccessRow.Of("identity", "GET", "/api/directory/units/", Dispatchers),
        AccessRow.Of("identity", "GET", "/api/directory/units/{id:guid}", Dispatchers, path: r => $"/api/directory/units/{r.DirectoryUnit}"),
        AccessRow.Of("identity", "GET", "/api/directory/people/", Dispatchers),
        AccessRow.Of("identity", "GET", "/api/directory/people/{id:guid}", Dispatchers, path: r => $"/api/directory/people/{r.DirectoryPerson}"),
        AccessRow.Of("identity", "GET", "/api/directory/audit", [Admin]),
        AccessRow.Of("identity", "POST", "/api/directory/units/", [Admin],
            body: r => new { name = "矩阵科" + Guid.NewGuid().ToString("N")[..6], kind = "department", parentId = r.Committee }),
        AccessRow.Of("identity", "POST", "/api/directory/people/", [Admin], body: _ => new
        {
            userName = "matrix" + Guid.NewGuid().ToString("N")[..8], displayName = "矩阵人员", password = IdentityHost.DevelopmentPassword, roles = new[] { "Member" },
        }),
        AccessRow.Of("identity", "POST", "/api/directory/people/{id:guid}/memberships", [Admin],
            path: r => $"/api/directory/people/{r.DirectoryPerson}/memberships", body: r => new { unitId = r.DirectoryUnit }),
        AccessRow.Of("identity", "POST", "/api/directory/people/{id:guid}/memberships/{unitId:guid}/end", [Admin],
            path: r => $"/api/directory/people/{r.DirectoryPerson}/memberships/{r.DirectoryUnit}/end", body: _ => new { }),
        AccessRow.Of("identity", "PUT", "/api/directory/people/{id:guid}/roles", [Admin],
            path: r => $"/api/directory/people/{r.DirectoryPerson}/roles", body: _ => new { roles = new[] { "Member" } }),
        AccessRow.Of("identity", "POST", "/api/directory/units/{id:guid}/move", [Admin],
            path: r => $"/api/directory/units/{r.DirectoryUnit}/move", body: r => new { parentId = r.Committee }),
        AccessRow.Of("identity", "POST", "/api/directory/people/{id:guid}/deactivate", [Admin],
            path: r => $"/api/directory/people/{r.DirectoryPerson}/deactivate", body: _ => new { }),
        AccessRow.Of("identity", "POST", "/api/directory/units/{id:guid}/deactivate", [Admin],
            path: r => $"/api/directory/units/{r.DirectoryUnit}/deactivate", body: _ => new { }),

        // Study: the office and administrators keep every branch, a secretary or officer only their own.
        AccessRow.List("study", "GET", "/api/study/branches", [Admin, Office, Officer], hiddenFrom: [Secretary], record: r => r.OtherBranch),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/members", [Admin, Office, Officer], path: r => $"/api/study/branches/{r.OtherBranch}/members"),

        // Study: activities. 第二党支部's party lesson: its keepers and the office keep it; another branch's secretary is
        // refused (it is not theirs to record) and does not even see it; only an expected member (the officer) checks in.
        AccessRow.Of("study", "POST", "/api/study/activities", [Admin, Office, Officer],
            body: r => ActivityPlan(new { kind = "partyLesson", organiserUnitId = r.OtherBranch })),
        AccessRow.Of("study", "GET", "/api/study/activities/{id:guid}", [Admin, Office, Officer], [Secretary, Member, Handler],
            path: r => $"/api/study/activities/{r.OtherBranchActivity}"),
        AccessRow.Of("study", "PUT", "/api/study/activities/{id:guid}", [Admin, Office, Officer],
            path: r => $"/api/study/activities/{r.OtherBranchActivity}", body: _ => ActivityPlan(new { })),
        AccessRow.Of("study", "GET", "/api/study/activities/{id:guid}/check-in-code", [Admin, Office, Officer],
            path: r => $"/api/study/activities/{r.OtherBranchActivity}/check-in-code"),
        AccessRow.Of("study", "POST", "/api/study/activities/{id:guid}/check-in", [Officer], [Secretary, Member, Handler],
            path: r => $"/api/study/activities/{r.OtherBranchActivity}/check-in", body: r => new { code = r.CheckInCode }),
        ActivityStep("hold", new { heldAt = DateTimeOffset.UtcNow.AddMinutes(-1), durationMinutes = 60, minutes = "矩阵党课记录", attendance = Array.Empty<object>() }),
        ActivityStep("amend", new { heldAt = DateTimeOffset.UtcNow.AddMinutes(-1), durationMinutes = 60, minutes = "矩阵党课记录（更正）", attendance = Array.Empty<object>(), reason = "更正时长" }),
        ActivityStep("cancel", new { reason = "矩阵取消" }),
        // Study: rotation. The office schedules the youth study group's hosts; the group's members (the demo member) read them.
        AccessRow.Of("study", "GET", "/api/study/youth-groups/{id:guid}/rotation", [Admin, Office, Member], path: r => $"/api/study/youth-groups/{r.YouthGroup}/rotation"),
        AccessRow.Of("study", "POST", "/api/study/youth-groups/{id:guid}/rotation", [Admin, Office], path: r => $"/api/study/youth-groups/{r.YouthGroup}/rotation",
            body: _ => new { terms = 1 }),
        // Study: compliance. 第二党支部's plans, items, compliance and coverage are its keepers' (the officer's) and the office's;
        // the meeting's items are someone else's record to the secretary of 第一党支部 (404); talks by name to the keepers only.
        AccessRow.Of("study", "POST", "/api/study/branches/{id:guid}/plans", [Admin, Office, Officer],
            path: r => $"/api/study/branches/{r.OtherBranch}/plans", body: _ => new { year = ThisQuarter.Year, quarter = ThisQuarter.Quarter, items = PlanItems }),
        AccessRow.Of("study", "PUT", "/api/study/branches/{id:guid}/plans/{year:int}/{quarter:int}", [Admin, Office, Officer],
            path: r => $"/api/study/branches/{r.OtherBranch}/plans/{ThisQuarter.Year}/{ThisQuarter.Quarter}", body: _ => new { items = PlanItems }),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/plans", [Admin, Office, Officer], path: r => $"/api/study/branches/{r.OtherBranch}/plans"),
        AccessRow.Of("study", "POST", "/api/study/activities/{id:guid}/rectifications", [Admin, Office, Officer], [Secretary],
            path: r => $"/api/study/activities/{r.LifeMeeting}/rectifications", body: _ => new { description = "学用结合不够紧密", ownerName = "张明", dueOn = Today }),
        AccessRow.Of("study", "POST", "/api/study/activities/{id:guid}/rectifications/{itemId:guid}/close", [Admin, Office, Officer], [Secretary],
            path: r => $"/api/study/activities/{r.LifeMeeting}/rectifications/{r.Rectification}/close", body: _ => new { note = "已整改到位" }),
        AccessRow.List("study", "GET", "/api/study/rectifications", [Admin, Office, Officer], hiddenFrom: [Secretary], record: r => r.Rectification),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/compliance", [Admin, Office, Officer], path: r => $"/api/study/branches/{r.OtherBranch}/compliance"),
        AccessRow.Of("study", "GET", "/api/study/compliance", [Admin, Office]),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/coverage", [Admin, Office, Officer], path: r => $"/api/study/branches/{r.OtherBranch}/coverage"),
        AccessRow.Of("study", "GET", "/api/study/coverage", [Admin, Office]),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/talks/coverage", [Officer], path: r => $"/api/study/branches/{r.OtherBranch}/talks/coverage"),
        // Study: materials. Everyone who reads study records reads the library; the office keeps it and designates;
        // the follow-up is the office's and each branch keeper's (their line); the 第一议题 rule the office's and the leadership team's.
        AccessRow.List("study", "GET", "/api/study/materials", StudyReaders, None, r => r.Material, path: r => $"/api/study/materials?q={r.TicketMarker}"),
        AccessRow.Of("study", "GET", "/api/study/materials/{id:guid}", StudyReaders, path: r => $"/api/study/materials/{r.Material}"),
        AccessRow.Of("study", "POST", "/api/study/materials", Dispatchers, body: _ => MaterialBody),
        AccessRow.Of("study", "PUT", "/api/study/materials/{id:guid}", Dispatchers, path: r => $"/api/study/materials/{r.Material}", body: _ => MaterialBody),
        AccessRow.Of("study", "POST", "/api/study/materials/{id:guid}/designate", Dispatchers, path: r => $"/api/study/materials/{r.Material}/designate"),
        AccessRow.Of("study", "GET", "/api/study/materials/{id:guid}/follow-up", [Admin, Office, Secretary, Officer],
            path: r => $"/api/study/materials/{r.Material}/follow-up"),
        AccessRow.Of("study", "GET", "/api/study/first-agenda-item", Dispatchers),
        AccessRow.List("study", "GET", "/api/study/training-series", StudyReaders, None, r => r.TrainingSeries),
        AccessRow.Of("study", "GET", "/api/study/training-series/{id:guid}", StudyReaders, path: r => $"/api/study/training-series/{r.TrainingSeries}"),
        AccessRow.Of("study", "POST", "/api/study/training-series", Dispatchers, body: r => new { title = "矩阵专题培训", organiserUnitId = r.Committee }),
        // Self-study notes: members for themselves; a branch's notes its own keepers only (not the office).
        AccessRow.Of("study", "POST", "/api/study/notes", StudyMembers, body: _ => new { materialTitle = "矩阵自学资料", studiedOn = Today, reflections = "矩阵心得" }),
        AccessRow.Of("study", "GET", "/api/study/notes/mine", StudyMembers),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/notes", [Officer], path: r => $"/api/study/branches/{r.OtherBranch}/notes"),
        // Study: calendar. A unit's month for its keepers, members and the office; "mine" for whoever is expected; feeds
        // are each person's own (the .ics link is anonymous: its secret is the credential).
        AccessRow.List("study", "GET", "/api/study/calendar", [Admin, Office, Officer], [], r => r.OtherBranchActivity,
            path: r => $"/api/study/calendar?unitId={r.OtherBranch}&month={r.StudyMonth}"),
        AccessRow.List("study", "GET", "/api/study/activities/mine", [Officer], StudyPeopleBut(Officer), r => r.OtherBranchActivity,
            path: r => $"/api/study/activities/mine?from={r.StudyMonth}-01&to={Today}"),
        AccessRow.Of("study", "GET", "/api/study/branches/{id:guid}/ledger.xlsx", [Admin, Office, Officer],
            path: r => $"/api/study/branches/{r.OtherBranch}/ledger.xlsx?year={r.StudyMonth[..4]}"),
        AccessRow.Of("study", "POST", "/api/study/calendar-feeds", StudyPeople, body: _ => new { }),
        AccessRow.List("study", "GET", "/api/study/calendar-feeds", [Officer], StudyPeopleBut(Officer), r => r.OfficerFeed),
        AccessRow.Anonymous("study", "GET", "/api/study/calendar-feeds/{secret}.ics", r => r.OfficerFeedUrl),
        AccessRow.Of("study", "DELETE", "/api/study/calendar-feeds/{id:guid}", [Officer], StudyPeopleBut(Officer),
            path: r => $"/api/study/calendar-feeds/{r.OfficerFeed}"),

        // Discipline: quizzes. The member's attempt is theirs alone: to everyone else who takes part it does not exist,
        // whatever their role (keepers and the office read coverage's passed flag). Those on a branch roster start their own.
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns/{id:guid}/quiz/attempts", QuizTakers,
            path: r => $"/api/discipline/campaigns/{r.QuizCampaign}/quiz/attempts"),
        AccessRow.Of("discipline", "GET", "/api/discipline/quiz/attempts/{id:guid}", [Member], QuizOthers,
            path: r => $"/api/discipline/quiz/attempts/{r.MemberQuizAttempt}"),
        AccessRow.List("discipline", "GET", "/api/discipline/campaigns/{id:guid}/quiz/mine", [Member], QuizOthers, r => r.MemberQuizAttempt,
            path: r => $"/api/discipline/campaigns/{r.QuizCampaign}/quiz/mine"),
        AccessRow.Of("discipline", "POST", "/api/discipline/quiz/attempts/{id:guid}/submit", [Member], QuizOthers,
            path: r => $"/api/discipline/quiz/attempts/{r.MemberQuizAttempt}/submit", body: _ => new { answers = Array.Empty<object>() }),
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns/{id:guid}/quiz/members/{personId:guid}/reopen", Dispatchers,
            path: r => $"/api/discipline/campaigns/{r.QuizCampaign}/quiz/members/{r.QuizMember}/reopen", body: _ => new { reason = "矩阵重新开放" }),
        // Discipline: pledges and coverage. The office publishes texts; everyone taking part reads them, signs and reads their
        // own; 第二党支部's signatures, unsigned members and coverage are its keepers' (the officer's) and the office's:
        // another branch's secretary is refused, and sees only its own branch's counts of a campaign.
        AccessRow.Of("discipline", "POST", "/api/discipline/pledges/texts", Dispatchers,
            body: _ => new { year = ThisQuarter.Year, role = "partyMember", title = "矩阵承诺书", body = "矩阵承诺书正文" }),
        AccessRow.List("discipline", "GET", "/api/discipline/pledges/texts", DisciplinePeople, None, r => r.Pledges.PledgeText),
        AccessRow.Of("discipline", "GET", "/api/discipline/pledges/{year:int}/mine", DisciplinePeople, path: _ => $"/api/discipline/pledges/{ThisQuarter.Year}/mine"),
        AccessRow.Of("discipline", "POST", "/api/discipline/pledges/{year:int}/sign", DisciplinePeople, path: _ => $"/api/discipline/pledges/{ThisQuarter.Year}/sign"),
        AccessRow.List("discipline", "GET", "/api/discipline/pledges/{year:int}/unsigned", [Admin, Office, Officer], None, r => r.Pledges.UnsignedPerson,
            path: r => $"/api/discipline/pledges/{ThisQuarter.Year}/unsigned?unitId={r.OtherBranch}"),
        AccessRow.List("discipline", "GET", "/api/discipline/pledges/{year:int}/signatures", [Admin, Office, Officer], None, r => r.Pledges.SignedPerson,
            path: r => $"/api/discipline/pledges/{ThisQuarter.Year}/signatures?unitId={r.OtherBranch}"),
        AccessRow.List("discipline", "GET", "/api/discipline/campaigns/{id:guid}/coverage", [Admin, Office, Officer], [Secretary], r => r.OtherBranch,
            path: r => $"/api/discipline/campaigns/{r.Pledges.Campaign}/coverage"),
        AccessRow.Of("discipline", "GET", "/api/discipline/campaigns/{id:guid}/coverage/branches/{branchId:guid}", [Admin, Office, Officer],
            path: r => $"/api/discipline/campaigns/{r.Pledges.Campaign}/coverage/branches/{r.OtherBranch}"),
        AccessRow.Of("discipline", "GET", "/api/discipline/coverage/{year:int}/branches/{branchId:guid}", [Admin, Office, Officer],
            path: r => $"/api/discipline/coverage/{ThisQuarter.Year}/branches/{r.OtherBranch}"),
        AccessRow.Of("discipline", "GET", "/api/discipline/coverage/mine", DisciplinePeople),
        // Discipline: library. Everyone taking part reads the cases and their tags; the office records and corrects them.
        AccessRow.List("discipline", "GET", "/api/discipline/cases", StudyPeople, None, r => r.DisciplineCase),
        AccessRow.Of("discipline", "GET", "/api/discipline/cases/{id:guid}", StudyPeople, path: r => $"/api/discipline/cases/{r.DisciplineCase}"),
        AccessRow.Of("discipline", "POST", "/api/discipline/cases", Dispatchers, body: _ => CaseBody),
        AccessRow.Of("discipline", "PUT", "/api/discipline/cases/{id:guid}", Dispatchers, path: r => $"/api/discipline/cases/{r.DisciplineCase}",
            body: _ => CaseBody),
        AccessRow.Of("discipline", "GET", "/api/discipline/violation-types", StudyPeople),
        // Discipline: question bank. The office's alone, reading included: it holds the answers.
        AccessRow.List("discipline", "GET", "/api/discipline/questions", Dispatchers, None, r => r.DisciplineQuestion),
        AccessRow.Of("discipline", "GET", "/api/discipline/questions/{id:guid}", Dispatchers, path: r => $"/api/discipline/questions/{r.DisciplineQuestion}"),
        AccessRow.Of("discipline", "POST", "/api/discipline/questions", Dispatchers, body: _ => QuestionBody),
        AccessRow.Of("discipline", "PUT", "/api/discipline/questions/{id:guid}", Dispatchers,
            path: r => $"/api/discipline/questions/{r.DisciplineQuestion}", body: _ => QuestionBody),
        AccessRow.Of("discipline", "POST", "/api/discipline/questions/{id:guid}/retire", Dispatchers,
            path: r => $"/api/discipline/questions/{r.DisciplineQuestion}/retire"),
        AccessRow.Of("discipline", "POST", "/api/discipline/questions/{id:guid}/restore", Dispatchers,
            path: r => $"/api/discipline/questions/{r.DisciplineQuestion}/restore"),
        // Discipline: reminders. A notice is its addressee's (the officer's): nobody else lists or marks it; the office sees the counts.
        AccessRow.List("discipline", "GET", "/api/discipline/reminders/mine", [Officer], StudyPeopleBut(Officer), r => r.OfficerReminder),
        AccessRow.Of("discipline", "POST", "/api/discipline/reminders/{id:guid}/read", [Officer], StudyPeopleBut(Officer),
            path: r => $"/api/discipline/reminders/{r.OfficerReminder}/read"),
        AccessRow.List("discipline", "GET", "/api/discipline/reminders", Dispatchers, None, r => r.OfficerReminder),

        // Reporting: platform-wide figures, people only.
        AccessRow.Of("reporting", "GET", "/api/reporting/tickets/summary", [Admin, Office, Leader]),
        // Reporting: tickets. A system with reporting.read reads the figures of the tickets it filed.
        AccessRow.Of("reporting", "GET", "/api/reporting/tickets/figures", [Admin, Office, Leader, System, OtherSystem]),
        AccessRow.Of("reporting", "GET", "/api/reporting/study/summary", [Admin, Office, Leader]),
        // Reporting: study programme and the branch scorecard. Counts per branch, for the office and leaders; no person appears.
        AccessRow.Of("reporting", "GET", "/api/reporting/study/coverage", [Admin, Office, Leader]),
        AccessRow.Of("reporting", "GET", "/api/reporting/study/compliance", [Admin, Office, Leader]),
        AccessRow.Of("reporting", "GET", "/api/reporting/study/first-agenda", [Admin, Office, Leader]),
        AccessRow.Of("reporting", "GET", "/api/reporting/scorecard", [Admin, Office, Leader]),
        // Reporting: discipline. Counts per branch for the office and leaders; keepers read their branch in discipline itself.
        AccessRow.Of("reporting", "GET", "/api/reporting/discipline/coverage", [Admin, Office, Leader]),
        AccessRow.Of("reporting", "GET", "/api/reporting/discipline/pledges", [Admin, Office, Leader]),
        AccessRow.Of("reporting", "GET", "/api/reporting/liaison/reach", [Admin, Office, Leader]),
        // Community figures: every branch for the office and leaders, one's own for a branch's keepers (the secretary's and
        // the officer's branches answer with their own rows); 第二党支部's to-do list does not exist for the secretary.
        AccessRow.Of("reporting", "GET", "/api/reporting/community-coverage", [Admin, Office, Leader, Secretary, Officer]),
        AccessRow.Of("reporting", "GET", "/api/reporting/community-coverage/unregistered", [Admin, Office, Leader, Officer], [Secretary],
            path: r => $"/api/reporting/community-coverage/unregistered?branchId={r.OtherBranch}"),
        AccessRow.Of("reporting", "GET", "/api/reporting/publication-lag", [Admin, Office, Leader, Secretary, Officer]),
        // A member's card: the member (the officer), their branch's keepers and the office; nobody else knows it exists.
        AccessRow.Of("reporting", "GET", "/api/reporting/member-cards/{personId:guid}", [Admin, Office, Officer], [Secretary, Member, Handler, Leader],
            path: r => $"/api/reporting/member-cards/{r.SupervisionTaskOwner}"),
        AccessRow.Of("reporting", "GET", "/api/reporting/member-cards/mine", [Admin, Office, Leader, Secretary, Officer, Member, Handler]),

        // Reporting: live figures (the hub; its WebSocket and messages are in LiveFiguresTests). SignalR maps both paths
        // for any method and answers the method itself: a reader gets past authorization to the protocol's own refusal
        // of the matrix's bare GET (negotiation is a POST; a connection needs its id).
        AccessRow.Of("reporting", "GET", "/api/reporting/live/negotiate", [Admin, Office, Leader]) with { AdmittedAnswer = global::System.Net.HttpStatusCode.MethodNotAllowed },
        AccessRow.Of("reporting", "GET", "/api/reporting/live", [Admin, Office, Leader]) with { AdmittedAnswer = global::System.Net.HttpStatusCode.BadRequest },
        // Reporting: exports (the quarterly report a committee office files; XLSX of the tables above is their format=xlsx).
        AccessRow.Of("reporting", "GET", "/api/reporting/reports/quarterly", [Admin, Office, Leader]),

        // Supervision: tasks. The office creates and accepts; the office and leaders read all; the officer owns the matrix's
        // task (第二党支部), reports on it and asks for closure; other members do not know it exists. People only.
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks/milestones/proposal", [Admin, Office, Leader, Secretary, Officer, Member, Handler],
            body: _ => new { deadline = "2026-03-06", start = "2026-02-02" }),
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks", Dispatchers, body: r => new
        {
            source = "decision", title = "矩阵督办事项", ownerUnitId = r.OtherBranch, ownerPersonId = r.SupervisionTaskOwner,
            deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)).ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
            feedbackCadence = "weekly",
        }),
        AccessRow.List("reporting", "GET", "/api/supervision/tasks", [Admin, Office, Leader, Officer], [Secretary, Member, Handler], r => r.SupervisionTask),
        AccessRow.Of("reporting", "GET", "/api/supervision/tasks/{id:guid}", [Admin, Office, Leader, Officer], [Secretary, Member, Handler],
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}"),
        AccessRow.Of("reporting", "GET", "/api/supervision/tasks/{id:guid}/feedback", [Admin, Office, Leader, Officer], [Secretary, Member, Handler],
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/feedback"),
        AccessRow.Of("reporting", "PUT", "/api/supervision/tasks/{id:guid}/milestones", [Admin, Office, Officer], [Secretary, Member, Handler],
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/milestones", body: _ => new { milestones = Array.Empty<object>() }),
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks/{id:guid}/feedback", [Officer], [Secretary, Member, Handler],
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/feedback", body: _ => new { text = "矩阵反馈" }),
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks/{id:guid}/closure", [Officer], [Secretary, Member, Handler],
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/closure", body: _ => new { evidence = "矩阵佐证" }),
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks/{id:guid}/closure/accept", Dispatchers, None,
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/closure/accept", body: _ => new { }),
        AccessRow.Of("reporting", "POST", "/api/supervision/tasks/{id:guid}/closure/return", Dispatchers, None,
            path: r => $"/api/supervision/tasks/{r.SupervisionTask}/closure/return", body: _ => new { reason = "矩阵退回" }),
        AccessRow.Of("reporting", "GET", "/api/supervision/figures/tasks", [Admin, Office, Leader]),

        // Tickets: reads of one ticket, as VisibleTo scopes them.
        AccessRow.Of("tickets", "GET", "/api/tickets/{id:guid}", SeeTicket, TicketHiddenFrom, path: r => $"/api/tickets/{r.Ticket}"),
        AccessRow.Of("tickets", "GET", "/api/tickets/{id:guid}/timeline", SeeTicket, TicketHiddenFrom, path: r => $"/api/tickets/{r.Ticket}/timeline"),
        AccessRow.Of("tickets", "GET", "/api/tickets/{id:guid}/attachments", SeeTicket, TicketHiddenFrom, path: r => $"/api/tickets/{r.Ticket}/attachments"),
        AccessRow.Of("tickets", "GET", "/api/tickets/by-external-reference/{reference}", SeeTicket, TicketHiddenFrom,
            path: r => $"/api/tickets/by-external-reference/{r.ExternalReference}?source={WholePlatformFixture.OtherClientId}"),

        // Lists: the ticket appears only to those who see it.
        AccessRow.List("tickets", "GET", "/api/tickets/", SeeTicket, TicketHiddenFrom, r => r.Ticket, path: r => $"/api/tickets/?q={r.TicketMarker}"),
        AccessRow.List("tickets", "GET", "/api/tickets/changes", SeeTicket, TicketHiddenFrom, r => r.Ticket, path: r => $"/api/tickets/changes?since={Uri.EscapeDataString(r.Since.ToString("O"))}"),
        AccessRow.List("tickets", "GET", "/api/tickets/export.{format}", [Admin, Office, Leader, OtherSystem], [Handler, System, SystemReadOnly],
            r => r.TicketNumber, path: r => $"/api/tickets/export.csv?q={r.TicketMarker}"),
        AccessRow.List("tickets", "GET", "/api/tickets/supervision-orders", Dispatchers, [Leader], r => r.OrderOfAnotherLeader),
        AccessRow.Of("tickets", "GET", "/api/tickets/return-visits", Dispatchers),
        AccessRow.Of("tickets", "GET", "/api/tickets/audit", Dispatchers),
        AccessRow.Of("tickets", "GET", "/api/tickets/withdrawals", Dispatchers),
        AccessRow.Of("tickets", "GET", "/api/tickets/units", ReferenceReaders),
        AccessRow.Of("tickets", "GET", "/api/tickets/routing", ReferenceReaders),
        AccessRow.Of("tickets", "GET", "/api/tickets/chambers", ReferenceReaders),

        // Requester profiles: people only; an enterprise its own.
        AccessRow.Of("tickets", "GET", "/api/tickets/requesters", [Admin, Office, Handler, Leader]),
        AccessRow.Of("tickets", "GET", "/api/tickets/requesters/{id:guid}", [Admin, Office, Handler, Enterprise2], [Enterprise],
            path: r => $"/api/tickets/requesters/{r.Requester}"),
        AccessRow.Of("tickets", "POST", "/api/tickets/requesters", [Admin, Office, Handler],
            body: _ => new { kind = "person", name = "矩阵诉求人", personCategory = "privateEconomy" }),
        AccessRow.Of("tickets", "PUT", "/api/tickets/requesters/{id:guid}", [Admin, Office, Handler, Enterprise2], [Enterprise],
            path: r => $"/api/tickets/requesters/{r.Requester}",
            body: _ => new { name = "样板制造股份有限公司", contacts = new[] { new { name = "王经理", phone = "13900003333" } } }),

        // Reference data the office keeps.
        AccessRow.Of("tickets", "PUT", "/api/tickets/chambers/{id:guid}", Dispatchers, path: r => $"/api/tickets/chambers/{r.Chamber}",
            body: _ => new { isKey = true }),
        AccessRow.Of("tickets", "POST", "/api/tickets/chambers/{id:guid}/leader-links", Dispatchers, path: r => $"/api/tickets/chambers/{r.Chamber}/leader-links",
            body: _ => new { leaderId = Guid.NewGuid(), leaderName = "矩阵联系领导", from = Today }),
        AccessRow.Of("tickets", "POST", "/api/tickets/chambers/{id:guid}/leader-links/{linkId:guid}/end", Dispatchers,
            path: r => $"/api/tickets/chambers/{r.Chamber}/leader-links/{r.LeaderLink}/end", body: _ => new { on = Today }),
        AccessRow.Of("tickets", "PUT", "/api/tickets/routing/{category}", Dispatchers, path: _ => "/api/tickets/routing/financing",
            body: r => new { unitId = r.LeadUnit }),

        // Supervision orders: people only; a leader's own orders, the handling unit answers.
        AccessRow.Of("tickets", "POST", "/api/tickets/supervision-orders/{orderId:guid}/instructions", None, [Leader],
            path: r => $"/api/tickets/supervision-orders/{r.OrderOfAnotherLeader}/instructions", body: _ => new { text = "请抓紧办理" }),
        AccessRow.Of("tickets", "POST", "/api/tickets/supervision-orders/{orderId:guid}/answer", Dispatchers, [Handler],
            path: r => $"/api/tickets/supervision-orders/{r.OrderOfAnotherLeader}/answer", body: _ => new { text = "已办理" }),

        // Filing: for one's own enterprise (enterprise files for enterprise2: 403), on a requester's behalf, or as a system.
        AccessRow.Of("tickets", "POST", "/api/tickets/", [Admin, Office, Handler, Enterprise2, System, OtherSystem],
            body: _ => new
            {
                title = "矩阵提交", category = "financing", description = "授权矩阵的提交。", enterpriseName = "样板制造股份有限公司",
                unifiedSocialCreditCode = MatrixRecords.Enterprise2Code,
            }),

        // The closed loop's steps: the office's, the lead unit's (the handler's unit does not lead this ticket), the requester's.
        Step("reject", Dispatchers, None, new { reason = "不属于受理范围" }),
        Step("accept", Dispatchers, None, new { }),
        Step("assign", Dispatchers, None, null),
        Step("start", Dispatchers, [Handler], new { note = "已联系企业" }),
        Step("respond", Dispatchers, [Handler], new { note = "阶段性答复" }),
        Step("pause", Dispatchers, [Handler], new { reason = "等待材料" }),
        Step("resume", Dispatchers, [Handler], new { note = "材料已到" }),
        Step("objection", Dispatchers, [Handler], new { reason = "不属于本单位职责" }),
        Step("objection-decision", Dispatchers, None, new { uphold = false, note = "维持交办" }),
        Step("co-handling-feedback", Dispatchers, [Handler], null),
        Step("extension-request", Dispatchers, [Handler], new { requestedDue = DateTimeOffset.UtcNow.AddDays(20), reason = "需协调省级部门" }),
        Step("extension-decision", Dispatchers, None, new { approve = false }),
        Step("resolve", Dispatchers, [Handler], new { note = "已解决" }),
        Step("cite-policy", Dispatchers, [Handler], new { policyId = Guid.NewGuid() }),
        Step("attachments", [Admin, Office, Enterprise2, OtherSystem], [Handler, Enterprise, System], Attachment),
        Step("confirm", [Admin, Office, Enterprise2, OtherSystem], [Enterprise, System], new { satisfaction = "satisfied" }),
        Step("return-visit", Dispatchers, None, new { answered = false }),
        Step("reopen", Dispatchers, None, new { reason = "企业反映未解决" }),
        Step("withdraw", [Enterprise2, OtherSystem], [Enterprise, System], new { reason = "问题已自行解决" }),
        Step("withdrawal-review", Dispatchers, None, new { pressedByUnit = false }),

        // Webhooks: systems only, each its own subscriptions (cancelled last).
        AccessRow.Of("tickets", "POST", "/api/tickets/webhooks/", [System, SystemReadOnly, OtherSystem],
            body: _ => new { callbackUrl = "https://hooks.example.com/brandplatform" }),
        AccessRow.List("tickets", "GET", "/api/tickets/webhooks/", [OtherSystem], [System, SystemReadOnly], r => r.Webhook),
        AccessRow.Of("tickets", "GET", "/api/tickets/webhooks/{id:guid}/deliveries", [OtherSystem], [System, SystemReadOnly],
            path: r => $"/api/tickets/webhooks/{r.Webhook}/deliveries"),
        AccessRow.Of("tickets", "DELETE", "/api/tickets/webhooks/{id:guid}", [OtherSystem], [System, SystemReadOnly],
            path: r => $"/api/tickets/webhooks/{r.Webhook}"),
        // Discipline: campaigns. The office launches and closes (the quarter's campaign exists: a second launch is a 409);
        // everyone taking part reads them. Closing comes last of this block: what follows is refused by the record, not by access.
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns", Dispatchers, body: r => new
        {
            year = ThisQuarter.Year, quarter = ThisQuarter.Quarter, theme = "矩阵警示教育", caseIds = new[] { r.DisciplineCase }, requiredSessionsPerBranch = 1,
            quiz = new { questionCount = 1, timeLimitMinutes = 30, passMark = 60 },
        }),
        AccessRow.List("discipline", "GET", "/api/discipline/campaigns", StudyPeople, None, r => r.DisciplineCampaign),
        AccessRow.Of("discipline", "GET", "/api/discipline/campaigns/current", StudyPeople),
        AccessRow.Of("discipline", "GET", "/api/discipline/campaigns/{id:guid}", StudyPeople, path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}"),
        // Discipline: sessions. 第二党支部's session is its keepers' (the officer's) and the office's; another branch's
        // secretary and members do not see it (404); only a member of the branch on the day (the officer) checks in.
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns/{id:guid}/sessions", [Admin, Office, Officer],
            path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}/sessions", body: r => DisciplineSession(r.OtherBranch)),
        AccessRow.List("discipline", "GET", "/api/discipline/campaigns/{id:guid}/sessions", [Admin, Office, Officer], [Secretary, Member, Handler],
            r => r.OtherBranchSession, path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}/sessions"),
        AccessRow.Of("discipline", "GET", "/api/discipline/sessions/{id:guid}", [Admin, Office, Officer], [Secretary, Member, Handler],
            path: r => $"/api/discipline/sessions/{r.OtherBranchSession}"),
        AccessRow.Of("discipline", "GET", "/api/discipline/sessions/{id:guid}/check-in-code", [Admin, Office, Officer], [Secretary],
            path: r => $"/api/discipline/sessions/{r.OtherBranchSession}/check-in-code"),
        AccessRow.Of("discipline", "POST", "/api/discipline/sessions/{id:guid}/check-in", [Officer], [Secretary, Member, Handler],
            path: r => $"/api/discipline/sessions/{r.OtherBranchSession}/check-in", body: r => new { code = r.SessionCheckInCode }),
        SessionStep("hold", new { heldAt = DateTimeOffset.UtcNow.AddMinutes(-1), durationMinutes = 60, notes = "矩阵警示教育会记录", attendance = Array.Empty<object>() }),
        SessionStep("cancel", new { reason = "矩阵取消" }),
        // Discipline: make-up. Each person's own: whoever takes part reads and records their own, nobody another's.
        AccessRow.Of("discipline", "GET", "/api/discipline/campaigns/{id:guid}/make-up", StudyPeople,
            path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}/make-up"),
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns/{id:guid}/make-up/cases/{caseId:guid}/read", StudyPeople,
            path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}/make-up/cases/{r.DisciplineCase}/read"),
        AccessRow.Of("discipline", "POST", "/api/discipline/campaigns/{id:guid}/close", Dispatchers,
            path: r => $"/api/discipline/campaigns/{r.DisciplineCampaign}/close"),

        // Supervision: brands. Everyone in supervision reads brands, pages, logos, plans and selected highlights; 第二党支部's
        // brand is kept by the office and its keepers (the officer), another branch's secretary does not find it (404)
        // and may not register it (403). Registration is a 409 for those admitted: the branch has its brand.
        AccessRow.Of("reporting", "POST", "/api/supervision/brands", BrandKeepers, body: r => new
        {
            branchId = r.OtherBranch, name = "矩阵品牌", field = "矩阵领域", meaning = "矩阵品牌内涵", slogan = "矩阵口号",
        }),
        AccessRow.List("reporting", "GET", "/api/supervision/brands", SupervisionPeople, None, r => r.Brands.Brand),
        AccessRow.Of("reporting", "GET", "/api/supervision/brands/{id:guid}", SupervisionPeople, path: r => $"/api/supervision/brands/{r.Brands.Brand}"),
        AccessRow.Of("reporting", "GET", "/api/supervision/brands/{id:guid}/logo", SupervisionPeople, path: r => $"/api/supervision/brands/{r.Brands.Brand}/logo"),
        AccessRow.Of("reporting", "PUT", "/api/supervision/brands/{id:guid}", BrandKeepers, [Secretary], path: r => $"/api/supervision/brands/{r.Brands.Brand}",
            body: _ => new { name = "矩阵品牌", field = "矩阵领域", meaning = "矩阵品牌内涵（修订）", slogan = "矩阵口号" }),
        AccessRow.Of("reporting", "POST", "/api/supervision/brands/{id:guid}/measures", BrandKeepers, [Secretary],
            path: r => $"/api/supervision/brands/{r.Brands.Brand}/measures", body: r => BrandMeasure(r.OtherBranch)),
        AccessRow.Of("reporting", "PUT", "/api/supervision/brands/{id:guid}/measures/{measureId:guid}", BrandKeepers, [Secretary],
            path: r => $"/api/supervision/brands/{r.Brands.Brand}/measures/{r.Brands.Measure}", body: r => BrandMeasure(r.OtherBranch)),
        // The matrix sends JSON: those admitted hear that a logo is an image (415).
        AccessRow.Of("reporting", "PUT", "/api/supervision/brands/{id:guid}/logo", BrandKeepers, [Secretary],
            path: r => $"/api/supervision/brands/{r.Brands.Brand}/logo", body: _ => new { }) with { AdmittedAnswer = global::System.Net.HttpStatusCode.UnsupportedMediaType },
        AccessRow.Of("reporting", "POST", "/api/supervision/plan-items", BrandKeepers, body: r => new
        {
            year = ThisQuarter.Year, month = 1, branchId = r.OtherBranch, title = "矩阵计划事项", brandId = r.Brands.Brand, measureId = r.Brands.Measure,
        }),
        AccessRow.Of("reporting", "GET", "/api/supervision/plan-items", SupervisionPeople),
        AccessRow.Of("reporting", "POST", "/api/supervision/brands/{id:guid}/highlights", BrandKeepers, [Secretary],
            path: r => $"/api/supervision/brands/{r.Brands.Brand}/highlights", body: _ => new { title = "矩阵亮点", summary = "矩阵亮点摘要" }),
        // Submitted highlights are the office's and the branch's keepers'; the office then decides (a second decision is a 409).
        AccessRow.List("reporting", "GET", "/api/supervision/highlights", BrandKeepers, [Secretary, Member, Handler, Leader], r => r.Brands.Highlight,
            path: r => $"/api/supervision/highlights?state=submitted&brandId={r.Brands.Brand}"),
        AccessRow.Of("reporting", "POST", "/api/supervision/highlights/{id:guid}/select", Dispatchers,
            path: r => $"/api/supervision/highlights/{r.Brands.Highlight}/select"),
        AccessRow.Of("reporting", "POST", "/api/supervision/highlights/{id:guid}/decline", Dispatchers,
            path: r => $"/api/supervision/highlights/{r.Brands.Highlight}/decline"),
        // Supervision: documents. The office registers and assigns; the document (not yet anyone's) is seen by the
        // office and the leaders, and by nobody else; a leader reads it but neither signs nor handles it (403).
        AccessRow.Of("reporting", "POST", "/api/supervision/documents", Dispatchers, body: _ => new
        {
            number = "矩阵〔2026〕1号", issuer = "市委办公室", title = "矩阵收文", @class = "上级来文", priority = "ordinary",
        }),
        AccessRow.List("reporting", "GET", "/api/supervision/documents", SupervisionReaders, SupervisionOthers, r => r.SupervisionDocument),
        AccessRow.Of("reporting", "GET", "/api/supervision/documents/open-at-close", [.. SupervisionReaders, .. SupervisionOthers]),
        AccessRow.Of("reporting", "GET", "/api/supervision/documents/{id:guid}", SupervisionReaders, SupervisionOthers,
            path: r => $"/api/supervision/documents/{r.SupervisionDocument}"),
        // Assigning is the office's alone (403 for everyone else); reading and handling are the assignee's too, and the
        // matrix's document is assigned to none of the other participants, who do not find it.
        AccessRow.Of("reporting", "POST", "/api/supervision/documents/{id:guid}/assign", Dispatchers,
            path: r => $"/api/supervision/documents/{r.SupervisionDocument}/assign", body: r => new { unitId = r.LeadUnit }),
        DocumentStep("read", Dispatchers, _ => new { }),
        DocumentStep("handle", Dispatchers, _ => new { outcome = "filed" }),
        // Supervision: document errors. The office records; another department's errors (and its notice) do not exist
        // for the people of other units; repeat drafters are the office's alone; the trend is the office's and leaders'.
        AccessRow.Of("reporting", "POST", "/api/supervision/document-errors", Dispatchers, body: r => new
        {
            documentNumber = "矩阵〔2026〕2号", documentTitle = "矩阵发文", errorType = "typo", foundBy = "核稿人", stage = "preIssue",
            departmentId = r.DirectoryUnit, drafterId = r.QuizMember,
        }),
        AccessRow.List("reporting", "GET", "/api/supervision/document-errors", SupervisionReaders, SupervisionOthers, r => r.DocumentError),
        AccessRow.Of("reporting", "GET", "/api/supervision/document-errors/types", [.. SupervisionReaders, .. SupervisionOthers]),
        AccessRow.Of("reporting", "GET", "/api/supervision/document-errors/repeat-drafters", Dispatchers),
        AccessRow.Of("reporting", "GET", "/api/supervision/document-errors/{id:guid}", SupervisionReaders, SupervisionOthers,
            path: r => $"/api/supervision/document-errors/{r.DocumentError}"),
        AccessRow.Of("reporting", "GET", "/api/supervision/document-errors/notice", SupervisionReaders, SupervisionOthers,
            path: r => $"/api/supervision/document-errors/notice?departmentId={r.DocumentErrorDepartment}&format=xlsx"),
        AccessRow.Of("reporting", "GET", "/api/supervision/figures/document-errors", SupervisionReaders),
        // Liaison: the department's cadres read organisations and contacts (phones masked); the office registers and
        // revises them; the contact's responsible cadre (the officer) and the office read the phone in full and keep
        // the contact's details. Systems and enterprises see nothing of it.
        AccessRow.List("liaison", "GET", "/api/liaison/organisations", LiaisonCadres, [], r => r.Liaison.Organisation,
            path: r => $"/api/liaison/organisations?q={r.Liaison.Marker}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/organisations/{id:guid}", LiaisonCadres, path: r => $"/api/liaison/organisations/{r.Liaison.Organisation}"),
        AccessRow.Of("liaison", "POST", "/api/liaison/organisations", Dispatchers,
            body: r => new { name = "矩阵民主党派" + r.Liaison.Marker, category = "democraticParty" }),
        AccessRow.Of("liaison", "PUT", "/api/liaison/organisations/{id:guid}", Dispatchers, path: r => $"/api/liaison/organisations/{r.Liaison.Organisation}",
            body: r => new { name = r.Liaison.OrganisationName, description = "矩阵修订" }),
        AccessRow.List("liaison", "GET", "/api/liaison/contacts", LiaisonCadres, [], r => r.Liaison.Contact,
            path: r => $"/api/liaison/contacts?q={r.Liaison.Marker}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/contacts/{id:guid}", LiaisonCadres, path: r => $"/api/liaison/contacts/{r.Liaison.Contact}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/contacts/{id:guid}/personal-data", [Admin, Office, Officer],
            path: r => $"/api/liaison/contacts/{r.Liaison.Contact}/personal-data"),
        AccessRow.Of("liaison", "POST", "/api/liaison/contacts", Dispatchers,
            body: r => LiaisonMatrixRecords.ContactBody(r.Liaison.Organisation, r.Liaison.Cadre, r.Liaison.Marker + "新")),
        AccessRow.Of("liaison", "PUT", "/api/liaison/contacts/{id:guid}", [Admin, Office, Officer], path: r => $"/api/liaison/contacts/{r.Liaison.Contact}",
            body: r => LiaisonMatrixRecords.ContactBody(r.Liaison.Organisation, r.Liaison.Cadre, r.Liaison.Marker)),
        AccessRow.Of("liaison", "POST", "/api/liaison/contacts/{id:guid}/reassign", Dispatchers, path: r => $"/api/liaison/contacts/{r.Liaison.Contact}/reassign",
            body: r => new { responsibleCadreId = r.Liaison.Cadre }),
        AccessRow.Of("liaison", "POST", "/api/liaison/visits", LiaisonCadres, body: r => LiaisonMatrixRecords.VisitBody(r.Liaison.Contact)),
        AccessRow.List("liaison", "GET", "/api/liaison/visits", [Admin, Office, Officer], [Secretary, Member, Handler, Leader], r => r.Liaison.OfficerVisit,
            path: r => $"/api/liaison/visits?contactId={r.Liaison.Contact}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/visits/{id:guid}", [Admin, Office, Officer], [Secretary, Member, Handler, Leader],
            path: r => $"/api/liaison/visits/{r.Liaison.OfficerVisit}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/audit", Dispatchers),
        // Liaison: contact work. A pair is its cadre's (the officer's) and the office's; 五个一 rows are everyone's own;
        // thought-trend notes are handed in by any cadre and read by the office alone.
        AccessRow.List("liaison", "GET", "/api/liaison/friendships", [Admin, Office, Officer], [Secretary, Member, Handler, Leader], r => r.Liaison.Pair),
        AccessRow.Of("liaison", "GET", "/api/liaison/friendships/{id:guid}", [Admin, Office, Officer], [Secretary, Member, Handler, Leader],
            path: r => $"/api/liaison/friendships/{r.Liaison.Pair}"),
        AccessRow.Of("liaison", "POST", "/api/liaison/friendships", Dispatchers, body: r => LiaisonMatrixRecords.PairBody(r.Liaison.Cadre, r.Liaison.Contact)),
        AccessRow.Of("liaison", "POST", "/api/liaison/friendships/{id:guid}/end", Dispatchers, path: r => $"/api/liaison/friendships/{r.Liaison.PairToEnd}/end",
            body: _ => new { endedOn = Today }),
        AccessRow.Of("liaison", "POST", "/api/liaison/friendships/{id:guid}/contacts", [Admin, Office, Officer], [Secretary, Member, Handler, Leader],
            path: r => $"/api/liaison/friendships/{r.Liaison.Pair}/contacts", body: _ => LiaisonMatrixRecords.FriendshipContactBody),
        AccessRow.Of("liaison", "GET", "/api/liaison/five-ones", LiaisonCadres),
        AccessRow.Of("liaison", "POST", "/api/liaison/thought-trends", LiaisonCadres, body: r => LiaisonMatrixRecords.NoteBody(r.Liaison.Contact)),
        AccessRow.List("liaison", "GET", "/api/liaison/thought-trends", Dispatchers, [], r => r.Liaison.Note),
        AccessRow.Of("liaison", "GET", "/api/liaison/thought-trends/{id:guid}", Dispatchers, path: r => $"/api/liaison/thought-trends/{r.Liaison.Note}"),
        // Liaison: the task forces' work and the 五比五晒 board. Every cadre reads them; the office and the members of the
        // owning task force (the handler, of 招商服务专班) record the work; other cadres are refused by the record (403).
        AccessRow.List("liaison", "GET", "/api/liaison/task-force-work", LiaisonCadres, [], r => r.Liaison.InvestmentLead,
            path: r => $"/api/liaison/task-force-work?taskForceId={r.Liaison.TaskForce}&limit=200"),
        AccessRow.Of("liaison", "GET", "/api/liaison/task-force-work/{id:guid}", LiaisonCadres, path: r => $"/api/liaison/task-force-work/{r.Liaison.KeyProject}"),
        AccessRow.Of("liaison", "POST", "/api/liaison/task-force-work", [Admin, Office, Handler],
            body: r => LiaisonMatrixRecords.LeadBody(r.Liaison.TaskForce, r.Liaison.Marker + "新")),
        AccessRow.Of("liaison", "POST", "/api/liaison/task-force-work/{id:guid}/progress", [Admin, Office, Handler],
            path: r => $"/api/liaison/task-force-work/{r.Liaison.InvestmentLead}/progress", body: _ => new { stage = "negotiating", on = Today }),
        AccessRow.Of("liaison", "POST", "/api/liaison/task-force-work/{id:guid}/blockers", [Admin, Office, Handler],
            path: r => $"/api/liaison/task-force-work/{r.Liaison.KeyProject}/blockers",
            body: _ => new { title = "矩阵堵点", category = "approvals", description = "矩阵堵点描述。" }),
        AccessRow.Of("liaison", "GET", "/api/liaison/task-force-board", LiaisonCadres),
        // Liaison: the 政策库. Every cadre, handler and enterprise reads it; the office keeps it.
        AccessRow.List("liaison", "GET", "/api/liaison/policies", EventReaders, [], r => r.Liaison.Policy,
            path: r => $"/api/liaison/policies?limit=200&q={r.Liaison.Marker}"),
        AccessRow.Of("liaison", "GET", "/api/liaison/policies/{id:guid}", EventReaders, path: r => $"/api/liaison/policies/{r.Liaison.Policy}"),
        AccessRow.Of("liaison", "POST", "/api/liaison/policies", Dispatchers, body: r => LiaisonMatrixRecords.PolicyBody(r.Liaison.Marker + "新")),
        AccessRow.Of("liaison", "PUT", "/api/liaison/policies/{id:guid}", Dispatchers, path: r => $"/api/liaison/policies/{r.Liaison.Policy}",
            body: r => LiaisonMatrixRecords.PolicyBody(r.Liaison.Marker)),
        AccessRow.Of("liaison", "POST", "/api/liaison/policies/{id:guid}/withdraw", Dispatchers,
            path: r => $"/api/liaison/policies/{r.Liaison.PolicyToWithdraw}/withdraw"),
        // Liaison: engagement events. Cadres and enterprises read them; the office announces, holds and records outcomes
        // (the matrix's event is two days away, so holding it and its outcomes are refused by the record); an enterprise
        // registers and withdraws its own enterprise: enterprise2's registration does not exist for enterprise.
        AccessRow.List("liaison", "GET", "/api/liaison/events", EventReaders, [], r => r.Liaison.Event, path: _ => "/api/liaison/events?upcoming=true&limit=200"),
        AccessRow.Of("liaison", "GET", "/api/liaison/events/{id:guid}", EventReaders, path: r => $"/api/liaison/events/{r.Liaison.Event}"),
        AccessRow.Of("liaison", "POST", "/api/liaison/events", Dispatchers, body: r => LiaisonMatrixRecords.EventBody(r.Liaison.Marker + "新")),
        AccessRow.Of("liaison", "PUT", "/api/liaison/events/{id:guid}", Dispatchers, path: r => $"/api/liaison/events/{r.Liaison.Event}",
            body: r => LiaisonMatrixRecords.EventBody(r.Liaison.Marker)),
        AccessRow.Of("liaison", "POST", "/api/liaison/events/{id:guid}/cancel", Dispatchers, path: r => $"/api/liaison/events/{r.Liaison.EventToCancel}/cancel",
            body: _ => new { reason = "矩阵取消" }),
        AccessRow.Of("liaison", "POST", "/api/liaison/events/{id:guid}/held", Dispatchers, path: r => $"/api/liaison/events/{r.Liaison.Event}/held",
            body: r => new { attended = new[] { r.Liaison.Enterprise2Registration }, leaders = Array.Empty<string>(), summary = "矩阵举办" }),
        AccessRow.Of("liaison", "POST", "/api/liaison/events/{id:guid}/outcomes", Dispatchers, path: r => $"/api/liaison/events/{r.Liaison.Event}/outcomes",
            body: r => new { kind = "other", enterpriseRegistrationId = r.Liaison.Enterprise2Registration, note = "矩阵成效" }),
        AccessRow.List("liaison", "GET", "/api/liaison/events/{id:guid}/registrations", [.. LiaisonCadres, Enterprise2], [Enterprise],
            r => r.Liaison.Enterprise2Registration, path: r => $"/api/liaison/events/{r.Liaison.Event}/registrations?limit=200"),
        AccessRow.Of("liaison", "POST", "/api/liaison/events/{id:guid}/registrations", [Admin, Office, Enterprise, Enterprise2],
            path: r => $"/api/liaison/events/{r.Liaison.Event}/registrations", body: _ => LiaisonMatrixRecords.Enterprise2Registration),
        AccessRow.Of("liaison", "POST", "/api/liaison/events/{id:guid}/registrations/{registrationId:guid}/withdraw", [Admin, Office, Enterprise2], [Enterprise],
            path: r => $"/api/liaison/events/{r.Liaison.Event}/registrations/{r.Liaison.Enterprise2Registration}/withdraw"),

        // Community work and publicity: the records are 第二党支部's (the officer's). Everyone in the organ's community work
        // reads communities, themes and practical matters; a branch's records are its keepers' and the office's, and to the
        // secretary and member of 第一党支部 they do not exist; the office keeps the lists and reviews; 同心网 is public.
        AccessRow.List("community", "GET", "/api/community/communities", CommunityPeople, None, r => r.Community.Community,
            path: r => $"/api/community/communities?q={r.Community.Marker}"),
        AccessRow.Of("community", "GET", "/api/community/communities/{id:guid}", CommunityPeople, path: r => $"/api/community/communities/{r.Community.Community}"),
        AccessRow.Of("community", "POST", "/api/community/communities", Dispatchers,
            body: _ => CommunityMatrixRecords.CommunityBody("矩阵新社区" + Guid.NewGuid().ToString("N")[..6])),
        AccessRow.Of("community", "PUT", "/api/community/communities/{id:guid}", Dispatchers, path: r => $"/api/community/communities/{r.Community.Community}",
            body: r => CommunityMatrixRecords.CommunityBody("矩阵社区" + r.Community.Marker)),
        AccessRow.List("community", "GET", "/api/community/pairings", OtherBranchKeepers, [Secretary, Member, Handler], r => r.Community.Pairing),
        AccessRow.Of("community", "POST", "/api/community/pairings", OtherBranchKeepers,
            body: r => new { branchId = r.OtherBranch, communityId = r.Community.Community, from = Today }),
        AccessRow.Of("community", "POST", "/api/community/pairings/{id:guid}/end", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/pairings/{r.Community.PairingToEnd}/end", body: _ => new { on = Today }),
        AccessRow.Of("community", "POST", "/api/community/registrations", CommunityPeople,
            body: r => new { communityId = r.Community.Community, registeredOn = Today }),
        AccessRow.List("community", "GET", "/api/community/registrations", OtherBranchKeepers, [Secretary, Member, Handler], r => r.Community.Registration),
        AccessRow.Of("community", "GET", "/api/community/registrations/mine", None, CommunityPeople, path: _ => "/api/community/registrations/mine?year=2099"),
        AccessRow.Of("community", "GET", "/api/community/registrations/{id:guid}", OtherBranchKeepers, [Secretary, Member, Handler],
            path: r => $"/api/community/registrations/{r.Community.Registration}"),
        AccessRow.Of("community", "POST", "/api/community/registrations/{id:guid}/confirm", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/registrations/{r.Community.Registration}/confirm", body: _ => new { confirmedBy = "branch", confirmedOn = Today }),
        AccessRow.Of("community", "POST", "/api/community/registrations/{id:guid}/end", OtherBranchKeepers, [Secretary, Member, Handler],
            path: r => $"/api/community/registrations/{r.Community.Registration}/end"),
        AccessRow.Of("community", "GET", "/api/community/themes", CommunityPeople),
        AccessRow.Of("community", "GET", "/api/community/themes/current", [], CommunityPeople, path: _ => "/api/community/themes/current"),
        AccessRow.Of("community", "POST", "/api/community/themes", Dispatchers, body: _ => new { year = 2099, quarter = 2, title = "矩阵主题" }),
        AccessRow.Of("community", "PUT", "/api/community/themes/{id:guid}", Dispatchers, path: r => $"/api/community/themes/{r.Community.Theme}",
            body: _ => CommunityMatrixRecords.ThemeBody),
        AccessRow.Of("community", "POST", "/api/community/services", CommunityPeople, body: r => CommunityMatrixRecords.ServiceBody(r.Community.Community)),
        AccessRow.List("community", "GET", "/api/community/services", OtherBranchKeepers, [Secretary, Member, Handler], r => r.Community.Service),
        AccessRow.Of("community", "GET", "/api/community/services/{id:guid}", OtherBranchKeepers, [Secretary, Member, Handler],
            path: r => $"/api/community/services/{r.Community.Service}"),
        AccessRow.Of("community", "POST", "/api/community/practical-matters", Dispatchers,
            body: r => CommunityMatrixRecords.MatterBody(r.OtherBranch, r.SupervisionTaskOwner, r.Community.Marker)),
        AccessRow.List("community", "GET", "/api/community/practical-matters", CommunityPeople, None, r => r.Community.Matter),
        AccessRow.Of("community", "GET", "/api/community/practical-matters/{id:guid}", CommunityPeople,
            path: r => $"/api/community/practical-matters/{r.Community.Matter}"),
        AccessRow.Of("community", "GET", "/api/community/publicity/prefill", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/prefill?sourceKind=communityService&sourceId={r.Community.Service}"),
        AccessRow.Of("community", "POST", "/api/community/publicity/items", OtherBranchKeepers,
            body: r => CommunityMatrixRecords.ItemBody(r.OtherBranch, r.Community.Service, "news", r.Community.Marker)),
        AccessRow.List("community", "GET", "/api/community/publicity/items", OtherBranchKeepers, [Secretary], r => r.Community.Item),
        AccessRow.Of("community", "GET", "/api/community/publicity/items/{id:guid}", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/items/{r.Community.Item}"),
        AccessRow.Of("community", "PUT", "/api/community/publicity/items/{id:guid}", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/items/{r.Community.Item}", body: _ => new { title = "矩阵稿件", summary = "矩阵摘要。", body = "矩阵正文。" }),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/submit", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/items/{r.Community.Item}/submit"),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/comments", Dispatchers,
            path: r => $"/api/community/publicity/items/{r.Community.Item}/comments", body: _ => new { text = "矩阵意见。" }),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/return", Dispatchers,
            path: r => $"/api/community/publicity/items/{r.Community.Item}/return", body: _ => new { reason = "矩阵退回。" }),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/approve", Dispatchers,
            path: r => $"/api/community/publicity/items/{r.Community.Item}/approve"),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/withdraw", Dispatchers,
            path: r => $"/api/community/publicity/items/{r.Community.Item}/withdraw", body: _ => new { reason = "矩阵撤下。" }),
        AccessRow.Of("community", "POST", "/api/community/publicity/items/{id:guid}/highlight", Dispatchers,
            path: r => $"/api/community/publicity/items/{r.Community.PublishedItem}/highlight"),
        AccessRow.Of("community", "GET", "/api/community/publicity/items/{id:guid}/wechat", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/items/{r.Community.PublishedItem}/wechat"),
        AccessRow.Of("community", "GET", "/api/community/publicity/items/{id:guid}/bulletin", OtherBranchKeepers, [Secretary],
            path: r => $"/api/community/publicity/items/{r.Community.PublishedItem}/bulletin"),
        AccessRow.Anonymous("community", "GET", "/api/community/public/news"),
        AccessRow.Anonymous("community", "GET", "/api/community/public/news/{id:guid}", r => $"/api/community/public/news/{r.Community.PublishedItem}"),
        AccessRow.Anonymous("community", "GET", "/api/community/public/feed.rss"),
        AccessRow.Anonymous("community", "GET", "/api/community/public/feed.json"),
    ];

    /// <summary>An assignee's step on the matrix's received document: the office's; for the other participants it does not exist.</summary>
    private static AccessRow DocumentStep(string step, string[] admitted, Func<MatrixRecords, object> body) =>
        AccessRow.Of("reporting", "POST", $"/api/supervision/documents/{{id:guid}}/{step}", admitted, SupervisionOthers,
            path: r => $"/api/supervision/documents/{r.SupervisionDocument}/{step}", body: body);

    /// <summary>A keeper's step on 第二党支部's session: its keepers and the office; another branch's secretary does not see it.</summary>
    private static AccessRow SessionStep(string step, object body) =>
        AccessRow.Of("discipline", "POST", $"/api/discipline/sessions/{{id:guid}}/{step}", [Admin, Office, Officer], [Secretary],
            path: r => $"/api/discipline/sessions/{r.OtherBranchSession}/{step}", body: _ => body);

    /// <summary>A session of <paramref name="branch"/> whose check-in window is open while the matrix runs.</summary>
    internal static object DisciplineSession(Guid branch) => new
    {
        branchId = branch, topic = "矩阵警示教育会", place = "党员活动室", plannedStart = DateTimeOffset.UtcNow.AddMinutes(10),
        plannedEnd = DateTimeOffset.UtcNow.AddHours(3),
    };

    /// <summary>A keeper's step on 第二党支部's activity: its keepers and the office, nobody else (another branch's secretary: 403).</summary>
    private static AccessRow ActivityStep(string step, object body) =>
        AccessRow.Of("study", "POST", $"/api/study/activities/{{id:guid}}/{step}", [Admin, Office, Officer],
            path: r => $"/api/study/activities/{r.OtherBranchActivity}/{step}", body: _ => body);

    /// <summary>A plan whose check-in window is open while the matrix runs; <paramref name="with"/> adds the kind and organiser.</summary>
    internal static Dictionary<string, object?> ActivityPlan(object with)
    {
        var plan = new Dictionary<string, object?>
        {
            ["topic"] = "矩阵专题党课", ["place"] = "党员活动室", ["plannedStart"] = DateTimeOffset.UtcNow.AddMinutes(10),
            ["plannedEnd"] = DateTimeOffset.UtcNow.AddHours(3), ["audience"] = new { kind = "unit" }, ["materials"] = Array.Empty<object>(),
        };
        foreach (var property in with.GetType().GetProperties())
        {
            plan[property.Name] = property.GetValue(with);
        }
        return plan;
    }

    private static AccessRow Step(string step, string[] admitted, string[] hidden, object? body) =>
        AccessRow.Of("tickets", "POST", $"/api/tickets/{{id:guid}}/{step}", admitted, hidden, path: r => $"/api/tickets/{r.Ticket}/{step}",
            body: r => body ?? (step == "assign" ? new { leadUnitId = r.LeadUnit } : new { unitId = r.LeadUnit, note = "协办意见" }));
}

/// <param name="Open">Anonymous by design: no caller is refused (401 or 403).</param>
/// <param name="ListedRecord">For lists: the record that must appear to the admitted and not to the hidden.</param>
public sealed record AccessRow(
    string Service, string Method, string Pattern, Func<MatrixRecords, string> Path, Func<MatrixRecords, object?>? Body,
    IReadOnlySet<string> Admitted, IReadOnlySet<string> Hidden, bool Open, Func<MatrixRecords, object>? ListedRecord)
{
    public string Key => $"{Service} {Method} {Pattern}";

    /// <summary>An answer besides 2xx that shows an admitted caller got past authorization (a protocol's own refusal).</summary>
    public System.Net.HttpStatusCode? AdmittedAnswer { get; init; }

    public static AccessRow Anonymous(string service, string method, string pattern, Func<MatrixRecords, string>? path = null) =>
        new(service, method, pattern, path ?? (_ => pattern), null, new HashSet<string>(), new HashSet<string>(), Open: true, null);

    public static AccessRow Of(string service, string method, string pattern, string[] admitted, string[]? hidden = null,
        Func<MatrixRecords, string>? path = null, Func<MatrixRecords, object?>? body = null) =>
        new(service, method, pattern, path ?? (_ => pattern), body, admitted.ToHashSet(), (hidden ?? []).ToHashSet(), Open: false, null);

    /// <param name="admitted">Callers who get the list (200) with <paramref name="record"/> in it.</param>
    /// <param name="hiddenFrom">Callers who get the list (200) without <paramref name="record"/> in it.</param>
    public static AccessRow List(string service, string method, string pattern, string[] admitted, string[] hiddenFrom,
        Func<MatrixRecords, object> record, Func<MatrixRecords, string>? path = null) =>
        new(service, method, pattern, path ?? (_ => pattern), null, admitted.ToHashSet(), hiddenFrom.ToHashSet(), Open: false, record);
}

/// <summary>The records the matrix acts on, all belonging to someone other than most callers.</summary>
public sealed record MatrixRecords
{
    public const string Enterprise2Code = "91320100MA1Y0DEF2Y";

    /// <summary>Filed by the other government system for enterprise2, led by 征迁服务专班 (not the handler's task force).</summary>
    public required Guid Ticket { get; init; }
    public required string TicketNumber { get; init; }
    /// <summary>A word in the ticket's title, to find it in lists whatever else the platform holds.</summary>
    public required string TicketMarker { get; init; }
    public required string ExternalReference { get; init; }
    public required DateTimeOffset Since { get; init; }
    public required Guid LeadUnit { get; init; }
    /// <summary>Enterprise2's profile, made when the system filed for it.</summary>
    public required Guid Requester { get; init; }
    /// <summary>A supervision order on the ticket for a leader who is not the Development leader.</summary>
    public required Guid OrderOfAnotherLeader { get; init; }
    public required Guid Chamber { get; init; }
    public required Guid LeaderLink { get; init; }
    /// <summary>The other system's webhook subscription.</summary>
    public required Guid Webhook { get; init; }
    /// <summary>第二党支部: the officer's branch, not the secretary's.</summary>
    public required Guid OtherBranch { get; init; }
    /// <summary>青年理论学习小组: the demo member's group, not the secretary's or the officer's.</summary>
    public required Guid YouthGroup { get; init; }
    public required Guid Committee { get; init; }
    /// <summary>A party lesson of 第二党支部, planned with its check-in window open; the officer is on its roster.</summary>
    public required Guid OtherBranchActivity { get; init; }
    public required string CheckInCode { get; init; }
    /// <summary>A held organisational life meeting of 第二党支部, and an open rectification item of it.</summary>
    public required Guid LifeMeeting { get; init; }
    public required Guid Rectification { get; init; }
    /// <summary>This China month, yyyy-MM.</summary>
    public required string StudyMonth { get; init; }
    /// <summary>The officer's calendar feed ("my activities") and its secret link.</summary>
    public required Guid OfficerFeed { get; init; }
    public required string OfficerFeedUrl { get; init; }
    /// <summary>A unit and a person registered for the matrix, so administrators' changes touch nothing else.</summary>
    public required Guid DirectoryUnit { get; init; }
    public required Guid DirectoryPerson { get; init; }
    /// <summary>A designated material of the library, its title holding <see cref="TicketMarker"/>.</summary>
    public required Guid Material { get; init; }
    public required Guid TrainingSeries { get; init; }
    /// <summary>A campaign launched for the matrix (a quarter of its own), and the demo member's attempt in progress at its quiz.</summary>
    public required Guid QuizCampaign { get; init; }
    public required Guid MemberQuizAttempt { get; init; }
    /// <summary>The demo member, whose attempt the office may reopen.</summary>
    public required Guid QuizMember { get; init; }
    /// <summary>Discipline: this year's pledge texts, 第二党支部's signed and unsigned members, a campaign for its coverage.</summary>
    public required CoverageMatrixRecords.Records Pledges { get; init; }
    /// <summary>
    /// Discipline: this quarter's campaign (a case of the library, a paper of one question) and 第二党支部's session of
    /// it, planned with its check-in window open; the officer is on the branch's roster in discipline.
    /// </summary>
    public required Guid DisciplineCampaign { get; init; }
    public required Guid DisciplineCase { get; init; }
    public required Guid OtherBranchSession { get; init; }
    public required string SessionCheckInCode { get; init; }
    /// <summary>A case of the discipline library, a question of its bank, and a reminder whose only notice is the officer's.</summary>
    public required Guid DisciplineQuestion { get; init; }
    public required Guid OfficerReminder { get; init; }
    /// <summary>Supervision: 第二党支部's brand (with a logo), one of its measures, and a highlight submitted under it.</summary>
    public required BrandMatrixRecords.Records Brands { get; init; }
    /// <summary>Supervision: a received document assigned to nobody yet, and an error charged to a department none of the callers is in.</summary>
    public required Guid SupervisionDocument { get; init; }
    public required Guid DocumentError { get; init; }
    public required Guid DocumentErrorDepartment { get; init; }
    /// <summary>Supervision: 第二党支部's task, owned by the officer (SupervisionMatrixRecords).</summary>
    public required Guid SupervisionTask { get; init; }
    public required Guid SupervisionTaskOwner { get; init; }
    /// <summary>Liaison: a chamber and a contact of it kept by the officer (LiaisonMatrixRecords).</summary>
    public required LiaisonMatrixRecords.Records Liaison { get; init; }

    /// <summary>Community work and publicity: 第二党支部's community, registration, service, matter and items (CommunityMatrixRecords).</summary>
    public required CommunityMatrixRecords.Records Community { get; init; }
}
